package dev.winback.adapters.mustache;

import dev.winback.adapters.json.JourneyLoader;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.journey.JourneyDefinition;
import dev.winback.core.journey.Step;
import dev.winback.core.template.TemplateSamples;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every campaign a shipped journey sends (active or an example) renders on each channel of its
 * send step, in English and, for order updates, in German, with the step's own variables.
 */
class ShippedJourneyTemplatesTest {

    private final MustacheMessageTemplates templates = MustacheMessageTemplates.shipped();

    /** campaign -> channels, over every send step of every shipped journey. */
    static Map<String, Set<Channel>> journeyCampaigns() {
        Map<String, Set<Channel>> campaigns = new TreeMap<>();
        forEachSend((definition, send) -> campaigns.computeIfAbsent(send.campaignId(), k -> new LinkedHashSet<>())
                .addAll(send.channels()));
        return campaigns;
    }

    /** campaign -> the variable names its send steps pass. */
    static Map<String, Set<String>> journeyVariables() {
        Map<String, Set<String>> variables = new TreeMap<>();
        forEachSend((definition, send) -> variables.computeIfAbsent(send.campaignId(), k -> new LinkedHashSet<>())
                .addAll(send.variables().keySet()));
        return variables;
    }

    private static void forEachSend(java.util.function.BiConsumer<JourneyDefinition, Step.Send> action) {
        for (JourneyLoader.ShippedJourney shipped : new JourneyLoader().shipped()) {
            for (Step step : shipped.definition().steps().values()) {
                if (step instanceof Step.Send send) action.accept(shipped.definition(), send);
            }
        }
    }

    /** The samples with only the variables the step passes (nothing else a journey could not supply). */
    private static Map<String, Object> variablesFor(Step.Send send, Map<String, Object> sample) {
        Map<String, Object> variables = new HashMap<>(sample);
        variables.keySet().removeIf(name -> name.equals("orderId") || name.equals("productLine") || name.equals("offerCategory")
                || name.equals("keepSubscribedUrl"));
        send.variables().keySet().forEach(name -> variables.put(name, sample.get(name)));
        return variables;
    }

    @Test
    void everySendStep_rendersOnEachOfItsChannels_inEnglish() {
        int rendered = 0;
        for (JourneyLoader.ShippedJourney shipped : new JourneyLoader().shipped()) {
            for (Step step : shipped.definition().steps().values()) {
                if (!(step instanceof Step.Send send)) continue;
                assertThat(send.channels()).as(send.campaignId() + " names its channels").isNotEmpty();
                for (Channel channel : send.channels()) {
                    for (Map<String, Object> sample : TemplateSamples.all()) {
                        String what = shipped.definition().id() + "/" + send.campaignId() + "/" + channel.wireName();
                        RenderedContent content = templates.render(send.campaignId(), channel, Locale.ENGLISH,
                                variablesFor(send, sample));
                        assertThat(content.text()).as(what).isNotBlank().doesNotContain("{{");
                        if (channel != Channel.SMS && channel != Channel.WEBHOOK) {
                            assertThat(content.subject()).as(what).isNotBlank().doesNotContain("\n");
                        }
                        rendered++;
                    }
                }
            }
        }
        assertThat(rendered).isGreaterThan(40);
    }

    @Test
    void orderAndMembershipUpdates_speakGerman_andCarryTheOrderId() {
        for (String status : new String[]{"confirmed", "shipped", "delivered", "cancelled", "refunded"}) {
            for (Channel channel : new Channel[]{Channel.EMAIL, Channel.PUSH, Channel.SMS, Channel.WEBHOOK}) {
                RenderedContent german = templates.render("order-" + status, channel, Locale.GERMANY, TemplateSamples.loyalMember());
                assertThat(german.data()).containsEntry("templateLocale", "de");
                assertThat(german.text()).as(status + " " + channel).contains("Bestellung o-20261123-0042");
            }
        }
        assertThat(templates.render("membership-renewed", Channel.EMAIL, Locale.GERMAN, TemplateSamples.loyalMember()).subject())
                .isEqualTo("Ihre Mitgliedschaft bei Demo Shop ist verlängert");
    }

    @Test
    void marketingJourneys_offerAWayOut_transactionalOnesDoNotLinkAnUnsubscribe() {
        int checked = 0;
        for (JourneyLoader.ShippedJourney shipped : new JourneyLoader().shipped()) {
            boolean marketing = shipped.definition().purpose() == Purpose.MARKETING;
            for (Step step : shipped.definition().steps().values()) {
                if (!(step instanceof Step.Send send)) continue;
                Map<String, Object> variables = variablesFor(send, TemplateSamples.loyalMember());
                if (send.channels().contains(Channel.EMAIL)) {
                    RenderedContent email = templates.render(send.campaignId(), Channel.EMAIL, Locale.ENGLISH, variables);
                    assertThat(email.text()).as(send.campaignId()).contains("https://links.shop.example/p/v1.c-000123?s=YmFy");
                    if (marketing) {
                        assertThat(email.text()).as(send.campaignId()).contains("https://links.shop.example/u/v1.c-000123.email?s=Zm9v&t=1");
                    } else {
                        assertThat(email.text()).as(send.campaignId()).doesNotContain("/u/v1.");
                    }
                    checked++;
                }
                if (marketing && send.channels().contains(Channel.SMS)) {
                    RenderedContent sms = templates.render(send.campaignId(), Channel.SMS, Locale.ENGLISH, variables);
                    assertThat(sms.text()).as(send.campaignId()).contains("STOP");
                    assertThat(sms.text().length()).isLessThanOrEqualTo(306);
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }
}
