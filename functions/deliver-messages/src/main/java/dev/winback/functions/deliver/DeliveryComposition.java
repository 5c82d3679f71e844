package dev.winback.functions.deliver;

import dev.winback.adapters.EngagementServices;
import dev.winback.adapters.channel.SnsPushSender;
import dev.winback.adapters.channel.SnsSmsSender;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.delivery.EventBridgeDecisionPublisher;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.DeliverMessages;
import dev.winback.core.delivery.MessageComposer;
import dev.winback.core.delivery.MessageTemplates;
import dev.winback.core.delivery.TemplateComposer;
import dev.winback.core.delivery.UnsubscribeLinks;

import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;

/** The delivery object graph both handlers share, built once per execution environment. */
final class DeliveryComposition {

    private DeliveryComposition() {
    }

    static DeliverMessages fromEnvironment() {
        WinbackConfig config = WinbackConfig.fromEnvironment(System.getenv());
        AwsClients clients = new AwsClients();
        Clock clock = Clock.systemUTC();
        EngagementServices services = new EngagementServices(config, clients, clock);
        return services.deliverMessages(senders(clients), composer(),
                new EventBridgeDecisionPublisher(clients.eventBridge(), config.eventBusName()));
    }

    /** A channel without a sender here is skipped with reason no_sender, and the plan moves on. */
    static List<ChannelSender> senders(AwsClients clients) {
        return List.of(new SnsSmsSender(clients.sns()), new SnsPushSender(clients.sns()));
    }

    /** The repository's templates and the signed unsubscribe links, as installed on the class path. */
    static MessageComposer composer() {
        return new TemplateComposer(installed(MessageTemplates.class), installed(UnsubscribeLinks.class));
    }

    private static <T> T installed(Class<T> port) {
        return ServiceLoader.load(port).findFirst().orElseThrow(() -> new IllegalStateException(
                "no " + port.getSimpleName() + " implementation is installed (META-INF/services/" + port.getName() + ")"));
    }
}
