package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.SignalType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybookPausedTest {

    private static Playbook playbook() {
        List<PlaybookRule> rules = new ArrayList<>();
        for (SignalType type : SignalType.values()) {
            List<PlannedAction> actions = switch (type) {
                case LAPSED -> List.of(new PlannedAction(RetentionAction.LAPSED_CAMPAIGN, "lapsed", List.of(Channel.EMAIL),
                        Purpose.MARKETING));
                case PURCHASE_LAPSE -> List.of(new PlannedAction(RetentionAction.LAPSED_CAMPAIGN, "lapsed",
                        List.of(Channel.EMAIL), Purpose.TRANSACTIONAL), new PlannedAction(RetentionAction.SALE_PROMOTION,
                        "sale", List.of(Channel.EMAIL), Purpose.MARKETING));
                default -> List.of(new PlannedAction(RetentionAction.NONE, "nothing", List.of(), Purpose.MARKETING));
            };
            rules.add(new PlaybookRule(type, RuleConditions.ALWAYS, actions, "test"));
        }
        return new Playbook(new PlaybookVersion(2026, 1, 1), rules);
    }

    private static List<PlannedAction> actionsOf(Playbook playbook, SignalType type) {
        return playbook.rules().stream().filter(r -> r.signal() == type).findFirst().orElseThrow().actions();
    }

    @Test
    void aPausedCampaign_doesNothingOnPurpose_inPlaceOfItsRule() {
        Playbook paused = playbook().withPaused(Set.of("lapsed"));

        assertThat(actionsOf(paused, SignalType.LAPSED)).containsExactly(
                new PlannedAction(RetentionAction.NONE, "lapsed", List.of(), Purpose.MARKETING));
        assertThat(paused.rules()).hasSameSizeAs(playbook().rules());
    }

    @Test
    void transactionalActions_areNeverPaused_andOtherCampaignsOfTheRuleStay() {
        Playbook paused = playbook().withPaused(Set.of("lapsed", "sale"));
        assertThat(actionsOf(paused, SignalType.PURCHASE_LAPSE)).extracting(PlannedAction::purpose)
                .containsExactly(Purpose.TRANSACTIONAL);
        assertThat(actionsOf(playbook().withPaused(Set.of("sale")), SignalType.PURCHASE_LAPSE))
                .extracting(PlannedAction::campaignId).containsExactly("lapsed");
    }

    @Test
    void nothingPaused_isTheSamePlaybook() {
        Playbook playbook = playbook();
        assertThat(playbook.withPaused(Set.of())).isSameAs(playbook);
        assertThat(playbook.withPaused(Set.of("unknown"))).isSameAs(playbook);
    }
}
