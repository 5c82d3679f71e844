package dev.winback.core.delivery;

import dev.winback.core.event.MessageCategory;
import dev.winback.core.event.Purpose;
import dev.winback.core.playbook.RetentionAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every retention action lands in the preference category a customer would expect to mute it by. */
class DeliveryRequestCategoryTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "SALE_PROMOTION, PROMOTIONS",
            "NEW_PRODUCTS_PROMOTION, NEW_PRODUCTS",
            "FEATURE_HIGHLIGHTS, NEW_PRODUCTS",
            "CROSS_PROMOTION_EMAIL, NEW_PRODUCTS",
            "PERMISSION_RENEWAL, REMINDERS",
            "CROSS_CHANNEL_RETARGET, REMINDERS",
            "IN_APP_NUDGE, REMINDERS",
            "LAPSED_CAMPAIGN, REMINDERS",
            "WINBACK_EMAIL, REMINDERS",
            "THROTTLE, REMINDERS",
            "AD_AUDIENCE, REMINDERS",
            "NONE, REMINDERS"})
    void categoryOf_marketing_followsWhatTheMessageIsAbout(RetentionAction action, MessageCategory expected) {
        assertThat(DeliveryRequest.categoryOf(action, Purpose.MARKETING)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(RetentionAction.class)
    void categoryOf_transactional_isAlwaysOrderUpdates(RetentionAction action) {
        assertThat(DeliveryRequest.categoryOf(action, Purpose.TRANSACTIONAL)).isEqualTo(MessageCategory.ORDER_UPDATES);
    }

    @ParameterizedTest
    @EnumSource(MessageCategory.class)
    void wireNames_roundTrip(MessageCategory category) {
        assertThat(MessageCategory.byWireName(category.wireName())).contains(category);
        assertThat(category.label()).isNotBlank();
    }
}
