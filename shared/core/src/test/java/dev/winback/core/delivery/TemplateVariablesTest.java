package dev.winback.core.delivery;

import dev.winback.core.event.MembershipStatus;
import dev.winback.core.event.Platform;
import dev.winback.core.record.EngagementRecord;
import dev.winback.core.signal.CustomerEvents;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.winback.core.signal.CustomerEvents.day;
import static org.assertj.core.api.Assertions.assertThat;

class TemplateVariablesTest {

    private static final TemplateVariables.Brand BRAND = new TemplateVariables.Brand("Demo Shop",
            URI.create("https://shop.example/"));
    private static final URI PREFERENCES = URI.create("https://links.shop.example/p/abc");
    private static final URI ONE_CLICK = URI.create("https://links.shop.example/u/abc");

    @Test
    void of_customerWithHistory_drawsEveryDocumentedVariableFromTheRecord() {
        EngagementRecord record = CustomerEvents.customer("c-1")
                .visit(Platform.APP, day(0))
                .purchase(day(2))
                .membership("gold", MembershipStatus.STARTED, day(3))
                .visit(Platform.WEB, day(10))
                .record();

        Map<String, Object> variables = TemplateVariables.of(record, day(50.5), BRAND, Optional.of(ONE_CLICK), PREFERENCES);

        assertThat(variables.keySet()).containsExactlyElementsOf(TemplateVariables.NAMES);
        assertThat(variables).containsEntry("brandName", "Demo Shop")
                .containsEntry("shopUrl", "https://shop.example/")
                .containsEntry("daysSinceLastActivity", 40L)
                .containsEntry("hasPurchased", true)
                .containsEntry("daysSinceLastPurchase", 48L)
                .containsEntry("lastPurchaseCategory", "shoes")
                .containsEntry("membershipTier", "gold")
                .containsEntry("isMember", true)
                .containsEntry("unsubscribeUrl", ONE_CLICK.toString())
                .containsEntry("preferencesUrl", PREFERENCES.toString());
    }

    @Test
    void of_emptyRecordAndTransactional_givesNeutralValuesForEveryName() {
        Map<String, Object> variables = TemplateVariables.of(EngagementRecord.empty("c-2"), day(1), BRAND,
                Optional.empty(), PREFERENCES);

        assertThat(variables.keySet()).containsExactlyElementsOf(TemplateVariables.NAMES);
        assertThat(variables).containsEntry("daysSinceLastActivity", 0L).containsEntry("hasPurchased", false)
                .containsEntry("daysSinceLastPurchase", 0L).containsEntry("lastPurchaseCategory", "")
                .containsEntry("membershipTier", "").containsEntry("isMember", false)
                .containsEntry("unsubscribeUrl", "");
    }

    @Test
    void of_cancelledMembership_keepsTheTierButIsNoLongerAMember() {
        EngagementRecord record = CustomerEvents.customer("c-3")
                .membership("plus", MembershipStatus.STARTED, day(0))
                .membership("plus", MembershipStatus.CANCELLED, day(0).plus(Duration.ofDays(30)))
                .record();

        Map<String, Object> variables = TemplateVariables.of(record, day(40), BRAND, Optional.empty(), PREFERENCES);

        assertThat(variables).containsEntry("membershipTier", "plus").containsEntry("isMember", false);
    }
}
