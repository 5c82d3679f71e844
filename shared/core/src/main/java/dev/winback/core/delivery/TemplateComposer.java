package dev.winback.core.delivery;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.record.EngagementRecord;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Composes messages from the repository's templates: personalisation from the record and the
 * request, the customer's locale, and on marketing email the signed one-click unsubscribe link.
 */
public final class TemplateComposer implements MessageComposer {

    private final MessageTemplates templates;
    private final UnsubscribeLinks links;

    public TemplateComposer(MessageTemplates templates, UnsubscribeLinks links) {
        this.templates = templates;
        this.links = links;
    }

    @Override
    public OutboundMessage compose(DeliveryRequest request, Channel channel, String address, String messageId,
                                   EngagementRecord record) {
        Locale locale = record.profile().locale() == null ? Locale.ROOT
                : Locale.forLanguageTag(record.profile().locale().value());
        Optional<URI> unsubscribe = channel == Channel.EMAIL && request.purpose() == Purpose.MARKETING
                ? Optional.of(links.oneClick(request.customerId(), channel, request.category()))
                : Optional.empty();
        Map<String, Object> variables = new HashMap<>(request.variables());
        variables.put("customerId", request.customerId());
        variables.put("campaignId", request.campaignId());
        variables.put("messageId", messageId);
        variables.put("preferencesUrl", links.preferences(request.customerId()).toString());
        unsubscribe.ifPresent(url -> variables.put("unsubscribeUrl", url.toString()));
        record.purchases().recentCategories().entrySet().stream()
                .max(Map.Entry.<String, java.time.Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .ifPresent(latest -> variables.put("lastCategory", latest.getKey()));
        RenderedContent content = templates.render(request.campaignId(), channel, locale, variables);
        return new OutboundMessage(messageId, request.customerId(), channel, request.purpose(), address, content,
                unsubscribe);
    }
}
