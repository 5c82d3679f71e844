package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.playbook.PlannedAction;
import dev.winback.core.playbook.Playbook;
import dev.winback.core.playbook.PlaybookRule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The playbook's channels for each campaign: the default plan of a request that names none. */
public final class PlaybookPlans {

    private PlaybookPlans() {
    }

    public static ChannelPlans of(Playbook playbook, ChannelPlans base) {
        Map<String, List<Channel>> byCampaign = new LinkedHashMap<>();
        for (PlaybookRule rule : playbook.rules()) {
            for (PlannedAction action : rule.actions()) {
                if (!action.channels().isEmpty()) byCampaign.putIfAbsent(action.campaignId(), action.channels());
            }
        }
        return base.withCampaigns(byCampaign);
    }
}
