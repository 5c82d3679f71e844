package dev.winback.adapters.mustache;

import dev.winback.core.template.TemplateProblem;
import dev.winback.core.template.TemplateSet;
import dev.winback.core.template.TemplateValidation;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation with the real template language and the shipped templates: every problem, each named. */
class TemplateSetValidationTest {

    private final ClassPathTemplates shipped = ClassPathTemplates.shipped();
    private final TemplateValidation validation = new TemplateValidation(new MustacheTemplateEngine(), shipped);

    @Test
    void everyShippedSet_passes() {
        assertThat(shipped.campaigns()).hasSizeGreaterThan(10).contains("lapsed-any-channel", "email-last-chance");
        for (String campaign : shipped.campaigns()) {
            assertThat(validation.problems(campaign, shipped.set(campaign).orElseThrow())).as(campaign).isEmpty();
        }
    }

    @Test
    void theShippedSet_isTheFilesOfTheCampaignsFolder() {
        TemplateSet set = shipped.set("lapsed-any-channel").orElseThrow();
        assertThat(set.files()).containsKeys("email.subject", "email.html", "email.text", "sms.text", "push.de.subject");
        assertThat(set.files().get("push.de.subject")).contains("Wir vermissen Sie");
        assertThat(shipped.set("no-such-campaign")).isEmpty();
    }

    @Test
    void aBadSet_isRefusedWithEveryProblem() {
        Map<String, String> files = new HashMap<>(shipped.set("lapsed-any-channel").orElseThrow().files());
        files.put("email.subject", "Hello {{brandName");
        files.put("email.de.html", "<a href={{shopUrl}}>{{{brandName}}}</a>");
        files.put("email.de.subject", "{{couponCode}} for you");
        files.put("email.de.text", "{{> footer}}");
        files.put("sms.html", "<p>x</p>");
        files.put("fax.text", "x");
        files.put("push.de-at.text", "x");
        files.put("push.fr.subject", "{{#isMember}}Member{{/isMember}}");
        files.put("push.fr.text", "{{shopUrl.nothing}}");
        files.remove("in_app.text");

        List<String> problems = validation.problems("lapsed-any-channel", new TemplateSet(files)).stream()
                .map(TemplateProblem::toString).toList();

        assertThat(problems).contains("files.email.subject: a tag is not closed ('{{' without its '}}')");
        assertThat(problems).contains(
                "files.email.de.html: unescaped variables ({{{…}}}, {{&…}}) are not allowed",
                "files.email.de.html: a variable in an unquoted attribute (quote it: escaping relies on the quotes)",
                "files.email.de.text: partials ({{> footer}}) are not supported: a set is whole in itself",
                "files.sms.html: the sms channel has no html part (it has text)",
                "files.fax.text: unknown channel 'fax' (email, push, sms, in_app, webhook)",
                "files.push.de-at.text: not a locale: 'de-at' (a language, and a region after it: de, de-AT)",
                "files.in_app.text: missing: the in_app template needs a text part");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("files.email.de.subject: undocumented variable 'couponCode'"));
        assertThat(problems).as("a name inside a documented one does not resolve")
                .anySatisfy(p -> assertThat(p).startsWith("files.push.fr: does not render with the sample variables"));
        assertThat(problems).noneMatch(p -> p.startsWith("files.email:") || p.startsWith("files.sms:"));
    }

    @Test
    void aSetLeavingOutAShippedChannel_isRefused_aNewCampaignNeedsOnlyWhatItHas() {
        assertThat(validation.problems("lapsed-any-channel", new TemplateSet(Map.of("sms.text", "{{brandName}}: hi. STOP to end"))))
                .extracting(TemplateProblem::problem).anySatisfy(p -> assertThat(p).startsWith("no email template"));
        assertThat(validation.problems("spring-sale", new TemplateSet(Map.of("sms.text", "{{brandName}}: hi")))).isEmpty();
    }
}
