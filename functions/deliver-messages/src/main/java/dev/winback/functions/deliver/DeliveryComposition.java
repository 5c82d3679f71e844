package dev.winback.functions.deliver;

import dev.winback.adapters.EngagementServices;
import dev.winback.adapters.config.ChannelSenders;
import dev.winback.adapters.sns.SnsPushSender;
import dev.winback.adapters.sns.SnsSmsSender;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.ChannelsConfig;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.eventbridge.EventBridgeDecisionPublisher;
import dev.winback.adapters.mustache.MustacheMessageTemplates;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.TemplateComposer;
import dev.winback.core.delivery.UnsubscribeLinks;
import dev.winback.core.links.KeepSubscribedComposer;
import dev.winback.core.links.SignedLinks;
import dev.winback.core.sunset.SunsetPolicies;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The delivery object graph both handlers share, built once per execution environment. */
final class DeliveryComposition {

    private DeliveryComposition() {
    }

    static DeliverMessages fromEnvironment() {
        Map<String, String> env = System.getenv();
        WinbackConfig config = WinbackConfig.fromEnvironment(env);
        ChannelsConfig channels = ChannelsConfig.fromEnvironment(env);
        AwsClients clients = new AwsClients();
        Clock clock = Clock.systemUTC();
        EngagementServices services = new EngagementServices(config, clients, clock);
        LinkConfig links = LinkConfig.fromEnvironment(env, clients);
        return services.deliverMessages(senders(channels, config, clients, services, clock),
                composer(channels, links, clock),
                new EventBridgeDecisionPublisher(clients.eventBridge(), config.eventBusName()));
    }

    /**
     * SMS and push through SNS, and the configured channels (email, messengers, in-app). A channel
     * without a sender is skipped with reason no_sender, and the plan moves on.
     */
    static List<ChannelSender> senders(ChannelsConfig channels, WinbackConfig config, AwsClients clients,
                                       EngagementServices services, Clock clock) {
        List<ChannelSender> senders = new ArrayList<>(
                ChannelSenders.of(channels, config.tableName(), clients, services.meter(), clock).values());
        senders.add(new SnsSmsSender(clients.sns()));
        senders.add(new SnsPushSender(clients.sns(), channels.pushReceipts()));
        return senders;
    }

    /**
     * The shipped templates, and the signed one-click and preference links on the HTTP API's URL
     * (without a base URL there are none, and marketing email is refused for want of its link).
     */
    static MessageComposer composer(ChannelsConfig channels, LinkConfig links, Clock clock) {
        Optional<SignedLinks> signed = links.baseUrl().map(base -> links.links(clock));
        return new KeepSubscribedComposer(new TemplateComposer(MustacheMessageTemplates.shipped(),
                signed.map(UnsubscribeLinks.class::cast), channels.brand(), clock), signed,
                SunsetPolicies.defaults().lastChanceCampaigns());
    }
}
