package dev.winback.core.template;

import dev.winback.core.delivery.MessageTemplates;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's template use case over in-memory ports: nothing invalid is stored or activated. */
class ManageTemplatesTest {

    private static final Pattern NAME = Pattern.compile("\\{\\{\\s*[#^]?\\s*(\\w+)\\s*}}");

    /** A template language of {{name}} only; "{{" without its "}}" does not read. */
    private static final TemplateEngine ENGINE = new TemplateEngine() {
        @Override
        public Read read(TemplateFileName name, String source) {
            if (source.split("\\{\\{", -1).length != source.split("}}", -1).length) {
                return new Read.Broken(List.of("unclosed tag"));
            }
            Set<String> names = new TreeSet<>();
            Matcher m = NAME.matcher(source);
            while (m.find()) names.add(m.group(1));
            return new Read.Names(names);
        }

        @Override
        public RenderedContent render(String campaignId, TemplateSet set, Channel channel, Locale locale,
                                      Map<String, Object> variables) {
            String text = set.files().getOrDefault(channel.wireName() + ".text", "");
            if (text.contains("BOOM")) throw new MessageTemplates.TemplateException("sms.text: BOOM");
            return new RenderedContent("", "", text, Map.of());
        }
    };

    private static final TemplateSetFormat FORMAT = new TemplateSetFormat() {
        @Override
        public String write(TemplateSet set) {
            StringBuilder out = new StringBuilder();
            set.files().forEach((name, source) -> out.append(name).append('=').append(source).append('\n'));
            return out.toString();
        }

        @Override
        public Optional<TemplateSet> read(String text) {
            if (!text.contains("=")) return Optional.empty();
            Map<String, String> files = new java.util.TreeMap<>();
            for (String line : text.split("\n")) files.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            return Optional.of(new TemplateSet(files));
        }
    };

    private static final ShippedTemplates SHIPPED = new ShippedTemplates() {
        @Override
        public Set<String> campaigns() {
            return Set.of("winback");
        }

        @Override
        public Optional<TemplateSet> set(String campaignId) {
            return campaignId.equals("winback") ? Optional.of(new TemplateSet(Map.of("sms.text", "{{brandName}} misses you")))
                    : Optional.empty();
        }
    };

    private final InMemoryTemplateVersions versions = new InMemoryTemplateVersions();
    private final AtomicInteger changes = new AtomicInteger();
    private final ManageTemplates manage = new ManageTemplates(versions, FORMAT, SHIPPED, ENGINE, changes::incrementAndGet);

    private static TemplateSet sms(String text) {
        return new TemplateSet(Map.of("sms.text", text));
    }

    @Test
    void validate_namesEveryProblem_eachWhereItIs() {
        TemplateSet set = new TemplateSet(Map.of(
                "email.subject", "Hi {{brandName}}",
                "email.footer", "x",
                "fax.text", "x",
                "sms.html", "x",
                "push.de.subject", "{{brandName",
                "push.de.text", "{{couponCode}}",
                "in_app.text", "no subject"));

        List<TemplateProblem> problems = manage.validate("winback", set);

        assertThat(problems).extracting(TemplateProblem::toString).containsExactlyInAnyOrder(
                "files.email.footer: unknown part 'footer' (subject, html, text)",
                "files.fax.text: unknown channel 'fax' (email, push, sms, in_app, webhook)",
                "files.sms.html: the sms channel has no html part (it has text)",
                "files.push.de.subject: unclosed tag",
                "files.push.de.text: undocumented variable 'couponCode' (documented: "
                        + String.join(", ", TemplateSamples.documentedNames()) + ")",
                "files.email.html: missing: the email template needs a html part",
                "files.email.text: missing: the email template needs a text part",
                "files.in_app.subject: missing: the in_app template needs a subject part",
                "files: no sms template: the shipped templates send winback by sms, and this set would leave it without one");
    }

    @Test
    void validate_aSetThatDoesNotRender_isRefused_andAGoodOneHasNoProblem() {
        assertThat(manage.validate("winback", sms("{{brandName}} BOOM"))).extracting(TemplateProblem::toString)
                .containsExactly("files.sms: does not render with the sample variables: sms.text: BOOM");
        assertThat(manage.validate("winback", sms("{{brandName}}: come back"))).isEmpty();
        assertThat(manage.validate("Not An Id", sms("x"))).extracting(TemplateProblem::where).containsExactly("campaignId");
        assertThat(manage.validate("winback", new TemplateSet(Map.of()))).extracting(TemplateProblem::problem)
                .contains("a set has at least one file");
    }

    @Test
    void submit_storesOnlyValidSets_withoutActivatingThem() {
        assertThat(manage.submit("winback", sms("{{couponCode}}"))).isInstanceOf(ManageTemplates.Submitted.Refused.class);
        assertThat(versions.list()).as("nothing invalid is stored").isEmpty();

        assertThat(manage.submit("winback", sms("{{brandName}} v1")))
                .isEqualTo(new ManageTemplates.Submitted.Stored("winback", 1));
        assertThat(versions.active("winback")).isEmpty();
        assertThat(manage.show("winback")).get().extracting(ManageTemplates.Shown::version).isEqualTo(0);
        assertThat(changes).hasValue(0);
    }

    @Test
    void activate_rollback_andVersionZero_moveWhatServesTheCampaign() {
        manage.submit("winback", sms("{{brandName}} v1"));
        manage.submit("winback", sms("{{brandName}} v2"));

        assertThat(manage.activate("winback", 3)).isEqualTo(ManageTemplates.Activation.NO_SUCH_VERSION);
        assertThat(manage.activate("winback", 1)).isEqualTo(ManageTemplates.Activation.ACTIVATED);
        assertThat(manage.activate("winback", 2)).isEqualTo(ManageTemplates.Activation.ACTIVATED);
        assertThat(manage.show("winback").orElseThrow())
                .isEqualTo(new ManageTemplates.Shown("winback", 2, 2, sms("{{brandName}} v2")));
        assertThat(manage.list()).containsExactly(new ManageTemplates.Listed("winback", "stored", 2, Optional.of(2)));

        assertThat(manage.rollback("winback")).isTrue();
        assertThat(manage.show("winback").orElseThrow().version()).isEqualTo(1);

        assertThat(manage.activate("winback", 0)).as("back to shipped").isEqualTo(ManageTemplates.Activation.ACTIVATED);
        assertThat(manage.show("winback").orElseThrow().set()).isEqualTo(SHIPPED.set("winback").orElseThrow());
        assertThat(manage.list()).containsExactly(new ManageTemplates.Listed("winback", "shipped", 2, Optional.of(0)));
        assertThat(manage.rollback("winback")).isTrue();
        assertThat(manage.show("winback").orElseThrow().version()).isEqualTo(1);
        assertThat(changes).as("every change is told").hasValue(5);
        assertThat(manage.activate("other", 0)).as("no shipped set to return to").isEqualTo(ManageTemplates.Activation.NO_SUCH_VERSION);
    }

    @Test
    void activate_refusesAStoredVersionThatNoLongerPasses() {
        manage.submit("winback", sms("{{brandName}} v1"));
        versions.overwrite("winback", 1, "sms.text={{couponCode}}");
        assertThat(manage.activate("winback", 1)).isEqualTo(ManageTemplates.Activation.UNREADABLE);
        versions.overwrite("winback", 1, "garbage");
        assertThat(manage.activate("winback", 1)).isEqualTo(ManageTemplates.Activation.UNREADABLE);
        assertThat(versions.active("winback")).isEmpty();
    }

    @Test
    void list_showsShippedCampaigns_andStoredOnes() {
        manage.submit("fresh", sms("{{brandName}}"));
        assertThat(manage.list()).containsExactly(
                new ManageTemplates.Listed("fresh", "shipped", 1, Optional.empty()),
                new ManageTemplates.Listed("winback", "shipped", 0, Optional.of(0)));
        assertThat(manage.show("fresh")).as("stored but never active, nothing shipped").isEmpty();
    }
}
