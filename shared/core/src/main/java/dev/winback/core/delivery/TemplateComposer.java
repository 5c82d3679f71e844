package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Composes messages from the repository's templates: the personalisation of {@link TemplateVariables}
 * drawn from the record at send time (plus the request's own variables, which never replace them),
 * the customer's locale, and on marketing email the signed one-click unsubscribe link. Without
 * links installed there is no unsubscribe link, and the email sender refuses marketing mail: the
 * next channel is tried.
 */
public final class TemplateComposer implements MessageComposer {

    private final MessageTemplates templates;
    private final Optional<UnsubscribeLinks> links;
    private final TemplateVariables.Brand brand;
    private final Clock clock;

    public TemplateComposer(MessageTemplates templates, Optional<UnsubscribeLinks> links, TemplateVariables.Brand brand,
                            Clock clock) {
        this.templates = templates;
        this.links = links;
        this.brand = brand;
        this.clock = clock;
    }

    @Override
    public OutboundMessage compose(DeliveryRequest request, Channel channel, String address, String messageId,
                                   EngagementRecord record) {
        Locale locale = record.profile().locale() == null ? Locale.ROOT
                : Locale.forLanguageTag(record.profile().locale().value());
        Optional<URI> unsubscribe = channel == Channel.EMAIL && request.purpose() == Purpose.MARKETING
                ? links.map(l -> l.oneClick(request.customerId(), channel, request.category().wireName()))
                : Optional.empty();
        URI preferences = links.map(l -> l.preferences(request.customerId())).orElse(brand.shopUrl());
        Map<String, Object> variables = new HashMap<>(request.variables());
        variables.putAll(TemplateVariables.of(record, clock.instant(), brand, unsubscribe, preferences));
        RenderedContent content = templates.render(request.campaignId(), channel, locale, variables);
        return new OutboundMessage(messageId, request.customerId(), channel, request.purpose(), address, content,
                unsubscribe);
    }
}
