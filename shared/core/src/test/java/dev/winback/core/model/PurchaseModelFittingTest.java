package dev.winback.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PurchaseModelFittingTest {

    private static final List<CustomerSummary> CDNOW = CdnowData.calibrationSummaries();

    @Test
    void fitOrDefaults_fewerCustomersThanTheMinimum_usesDefaultsWithAReason() {
        List<CustomerSummary> few = CDNOW.subList(0, 199);

        PurchaseModelFit fit = PurchaseModelFitting.fitOrDefaults(PurchaseModelType.BG_NBD, few, FitSettings.defaults(), new Random(1));

        assertThat(fit.isFallback()).isTrue();
        assertThat(fit.parameters()).isEqualTo(BgNbdParameters.defaults());
        assertThat(fit.fallbackReason()).hasValueSatisfying(reason -> assertThat(reason).contains("199 customers"));
        assertThat(fit.logLikelihood()).isEqualTo(new BgNbdModel(BgNbdParameters.defaults()).logLikelihood(few));
    }

    @Test
    void fitOrDefaults_tooFewRepeatBuyers_usesDefaultsWithAReason() {
        List<CustomerSummary> mostlyOneTime = new ArrayList<>(CDNOW.stream().filter(c -> !c.isRepeatBuyer()).toList());
        mostlyOneTime.addAll(CDNOW.stream().filter(CustomerSummary::isRepeatBuyer).limit(29).toList());

        PurchaseModelFit fit = PurchaseModelFitting.fitOrDefaults(
                PurchaseModelType.MBG_NBD, mostlyOneTime, FitSettings.defaults(), new Random(1));

        assertThat(fit.fallbackReason()).hasValueSatisfying(reason -> assertThat(reason).contains("29 repeat buyers"));
        assertThat(fit.model()).isInstanceOf(ModifiedBgNbdModel.class);
    }

    @Test
    void fitOrDefaults_enoughData_fitsWithoutSampling() {
        PurchaseModelFit fit = PurchaseModelFitting.fitOrDefaults(PurchaseModelType.BG_NBD, CDNOW, FitSettings.defaults(), new Random(1));

        assertThat(fit.isFallback()).isFalse();
        assertThat(fit.customers()).isEqualTo(CDNOW.size());
        assertThat(fit.parameters().r()).isNotEqualTo(BgNbdParameters.defaults().r());
    }

    @Test
    void fitOrDefaults_largeBase_fitsOnASampleThatTheSeedDecides() {
        FitSettings atMost600 = new FitSettings(200, 30, 600);

        PurchaseModelFit first = PurchaseModelFitting.fitOrDefaults(PurchaseModelType.BG_NBD, CDNOW, atMost600, new Random(7));
        PurchaseModelFit again = PurchaseModelFitting.fitOrDefaults(PurchaseModelType.BG_NBD, CDNOW, atMost600, new Random(7));
        PurchaseModelFit otherSeed = PurchaseModelFitting.fitOrDefaults(PurchaseModelType.BG_NBD, CDNOW, atMost600, new Random(8));

        assertThat(first.customers()).isEqualTo(600);
        assertThat(again.parameters()).isEqualTo(first.parameters());
        assertThat(otherSeed.parameters()).isNotEqualTo(first.parameters());
    }

    @Test
    void sample_drawsDistinctCustomersUniformly() {
        List<CustomerSummary> numbered = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            numbered.add(new CustomerSummary(0, 0, i));
        }
        int[] picks = new int[100];
        Random random = new Random(3);
        for (int round = 0; round < 2000; round++) {
            List<CustomerSummary> sample = PurchaseModelFitting.sample(numbered, 10, random);
            assertThat(sample).hasSize(10).doesNotHaveDuplicates();
            sample.forEach(c -> picks[(int) c.age()]++);
        }
        // each customer is expected 200 times; a 4-sigma band (sd about 13.4)
        for (int count : picks) {
            assertThat(count).isBetween(146, 254);
        }
    }
}
