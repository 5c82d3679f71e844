package dev.winback.adapters.mustache;

import dev.winback.adapters.json.PlaybookLoader;
import dev.winback.core.delivery.MessageTemplates.TemplateException;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.delivery.TemplateVariables;
import dev.winback.core.event.Channel;
import dev.winback.core.links.KeepSubscribedComposer;
import dev.winback.core.playbook.PlannedAction;
import dev.winback.core.playbook.PlaybookRule;
import dev.winback.core.sunset.SunsetPolicies;
import dev.winback.core.template.TemplateSamples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every template shipped in the artifact: each campaign of the shipped playbook has one per channel
 * it can use, each renders with the documented variables (both branches of every section) in every
 * shipped locale, uses no other name, and fails naming the file and variable when one is missing.
 */
class ShippedTemplatesTest {

    private static final Pattern FILE = Pattern.compile(
            "(email|push|sms|in_app|webhook)(?:\\.([a-z]{2,3}(?:-[A-Z]{2})?))?\\.(subject|html|text)\\.mustache");
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/&{]?)\\s*([^}\\s]+)\\s*}?}}");

    private static final Pattern UNQUOTED_ATTRIBUTE = Pattern.compile("=\\s*\\{\\{");

    private final MustacheMessageTemplates templates = MustacheMessageTemplates.shipped();

    /** campaign -> channels, from the shipped playbook and the sunsets' last-chance messages. */
    private static Map<String, Set<Channel>> playbookCampaigns() {
        Map<String, Set<Channel>> campaigns = new TreeMap<>();
        for (PlaybookRule rule : new PlaybookLoader().shipped().rules()) {
            for (PlannedAction action : rule.actions()) {
                if (action.channels().isEmpty()) continue;
                campaigns.computeIfAbsent(action.campaignId(), k -> new LinkedHashSet<>()).addAll(action.channels());
            }
        }
        lastChanceCampaigns().forEach((campaign, channel) ->
                campaigns.computeIfAbsent(campaign, k -> new LinkedHashSet<>()).add(channel));
        return campaigns;
    }

    /** campaign -> its channel, for the last-chance messages of the default sunsets. */
    private static Map<String, Channel> lastChanceCampaigns() {
        Map<String, Channel> campaigns = new TreeMap<>();
        SunsetPolicies.defaults().byChannel().forEach((channel, policy) ->
                policy.lastChanceCampaign().ifPresent(campaign -> campaigns.put(campaign, channel)));
        return campaigns;
    }

    /** Every shipped campaign: the playbook's and those the shipped journeys send. */
    private static Map<String, Set<Channel>> shippedCampaigns() {
        Map<String, Set<Channel>> campaigns = playbookCampaigns();
        ShippedJourneyTemplatesTest.journeyCampaigns().forEach((campaign, channels) ->
                campaigns.computeIfAbsent(campaign, k -> new LinkedHashSet<>()).addAll(channels));
        return campaigns;
    }

    /**
     * The names a campaign's templates may use: the documented ones, the button of a last chance, and
     * the variables a journey's send step gives its campaign.
     */
    private static Set<String> allowedVariables(String campaign) {
        Set<String> names = new TreeSet<>(TemplateVariables.NAMES);
        if (lastChanceCampaigns().containsKey(campaign)) names.add(KeepSubscribedComposer.VARIABLE);
        names.addAll(ShippedJourneyTemplatesTest.journeyVariables().getOrDefault(campaign, Set.of()));
        return names;
    }

    private static Path shippedDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/adapters/src/main/resources").resolve(MustacheMessageTemplates.SHIPPED_ROOT);
            if (Files.isDirectory(candidate)) return candidate;
            candidate = dir.resolve("src/main/resources").resolve(MustacheMessageTemplates.SHIPPED_ROOT);
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("the shipped templates directory was not found");
    }

    private static List<Path> shippedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(shippedDirectory())) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".mustache")).sorted().toList();
        }
    }

    /** The locales shipped for a campaign and channel ("" is the default). */
    private static Set<String> locales(String campaign, Channel channel) throws IOException {
        Set<String> locales = new TreeSet<>(List.of(""));
        for (Path file : shippedFiles()) {
            Matcher m = FILE.matcher(file.getFileName().toString());
            if (file.getParent().getFileName().toString().equals(campaign) && m.matches()
                    && m.group(1).equals(channel.wireName()) && m.group(2) != null) {
                locales.add(m.group(2));
            }
        }
        return locales;
    }

    @Test
    void everyPlaybookCampaignAndChannel_rendersEveryPartInEveryShippedLocale() throws IOException {
        Map<String, Set<Channel>> campaigns = playbookCampaigns();
        assertThat(campaigns).as("the playbook names campaigns with channels").hasSizeGreaterThan(5);
        int rendered = 0;
        for (Map.Entry<String, Set<Channel>> campaign : campaigns.entrySet()) {
            for (Channel channel : campaign.getValue()) {
                for (String locale : locales(campaign.getKey(), channel)) {
                    for (Map<String, Object> variables : TemplateSamples.all()) {
                        String what = campaign.getKey() + "/" + channel.wireName() + " [" + locale + "]";
                        RenderedContent content = templates.render(campaign.getKey(), channel,
                                locale.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(locale), variables);
                        assertThat(content.data()).as(what).containsEntry("campaignId", campaign.getKey())
                                .containsEntry("templateLocale", locale.isEmpty() ? "default" : locale);
                        for (String part : MustacheMessageTemplates.parts(channel).required()) {
                            String value = part(content, part);
                            assertThat(value).as(what + " " + part).isNotBlank().doesNotContain("{{").doesNotContain("}}");
                        }
                        if (channel == Channel.EMAIL || channel == Channel.PUSH || channel == Channel.IN_APP) {
                            assertThat(content.subject()).as(what + " subject is one line").doesNotContain("\n");
                        }
                        rendered++;
                    }
                }
            }
        }
        assertThat(rendered).isGreaterThan(50);
    }

    @Test
    void everyShippedFile_belongsToAPlaybookCampaignAndChannel_andUsesOnlyDocumentedVariables() throws IOException {
        Map<String, Set<Channel>> campaigns = shippedCampaigns();
        List<Path> files = shippedFiles();
        assertThat(files).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String campaign = file.getParent().getFileName().toString();
            String name = campaign + "/" + file.getFileName();
            Matcher m = FILE.matcher(file.getFileName().toString());
            if (!m.matches()) {
                problems.add(name + ": not <channel>[.<locale>].<part>.mustache");
                continue;
            }
            Channel channel = Channel.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            if (!campaigns.containsKey(campaign)) problems.add(name + ": no playbook or journey campaign " + campaign);
            else if (channel != Channel.WEBHOOK && !campaigns.get(campaign).contains(channel)) {
                problems.add(name + ": neither playbook nor journeys send " + campaign + " on " + channel.wireName());
            }
            if (!MustacheMessageTemplates.parts(channel).all().contains(m.group(3))) {
                problems.add(name + ": " + channel.wireName() + " has no " + m.group(3) + " part");
            }
            for (String variable : variables(Files.readString(file))) {
                if (!allowedVariables(campaign).contains(variable)) problems.add(name + ": undocumented variable " + variable);
            }
            String source = Files.readString(file);
            if (source.contains("{{{") || source.contains("{{&")) {
                problems.add(name + ": unescaped variables are not allowed");
            }
            if (m.group(3).equals("html") && UNQUOTED_ATTRIBUTE.matcher(source).find()) {
                problems.add(name + ": a variable in an unquoted attribute (quote it: the escaper relies on quotes)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyVariableAFileUses_failsTheRenderWhenMissing_namingFileAndVariable() throws IOException {
        int checked = 0;
        for (Path file : shippedFiles()) {
            Matcher m = FILE.matcher(file.getFileName().toString());
            if (!m.matches()) continue;
            String campaign = file.getParent().getFileName().toString();
            Channel channel = Channel.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            Locale locale = m.group(2) == null ? Locale.ROOT : Locale.forLanguageTag(m.group(2));
            String path = MustacheMessageTemplates.SHIPPED_ROOT + "/" + campaign + "/" + file.getFileName();
            for (String variable : variables(Files.readString(file))) {
                // A name inside a section is only looked up when the section renders: one sample reaches it.
                boolean failed = false;
                for (Map<String, Object> sample : TemplateSamples.all()) {
                    Map<String, Object> partial = new HashMap<>(sample);
                    partial.remove(variable);
                    try {
                        templates.render(campaign, channel, locale, partial);
                    } catch (TemplateException e) {
                        // An earlier part may fail first on the same variable; it names its own file.
                        assertThat(e.getMessage()).contains("'" + variable + "'").contains(
                                MustacheMessageTemplates.SHIPPED_ROOT + "/" + campaign + "/" + channel.wireName());
                        failed = true;
                    }
                }
                if (!failed) fail(path + " rendered without " + variable);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void missingVariable_messageNamesTheTemplateFileAndTheVariable() {
        Map<String, Object> variables = new HashMap<>(TemplateSamples.loyalMember());
        variables.remove("daysSinceLastActivity");

        assertThatThrownBy(() -> templates.render("lapsed-any-channel", Channel.EMAIL, Locale.ENGLISH, variables))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template winback/templates/lapsed-any-channel/email.html.mustache: variable"
                        + " 'daysSinceLastActivity' (line 6) was not supplied");
    }

    @Test
    void marketingMessages_offerAWayOut() throws IOException {
        for (Map.Entry<String, Set<Channel>> campaign : playbookCampaigns().entrySet()) {
            for (String locale : locales(campaign.getKey(), Channel.EMAIL)) {
                if (!campaign.getValue().contains(Channel.EMAIL)) continue;
                RenderedContent email = templates.render(campaign.getKey(), Channel.EMAIL, Locale.forLanguageTag(locale),
                        TemplateSamples.loyalMember());
                assertThat(email.html()).as(campaign.getKey()).contains("https://links.shop.example/u/v1.c-000123.email?s=Zm9v&amp;t=1")
                        .contains("https://links.shop.example/p/v1.c-000123?s=YmFy");
                assertThat(email.text()).as(campaign.getKey()).contains("https://links.shop.example/u/v1.c-000123.email?s=Zm9v&t=1");
            }
            if (campaign.getValue().contains(Channel.SMS)) {
                for (String locale : locales(campaign.getKey(), Channel.SMS)) {
                    RenderedContent sms = templates.render(campaign.getKey(), Channel.SMS, Locale.forLanguageTag(locale),
                            TemplateSamples.loyalMember());
                    assertThat(sms.text()).as(campaign.getKey() + " sms").contains("STOP");
                    assertThat(sms.text().length()).as(campaign.getKey() + " sms fits two segments").isLessThanOrEqualTo(306);
                }
            }
        }
    }

    /** Issue 10, item 16: the last chance existed only as a date in the record. */
    @Test
    void theEmailLastChance_hasAKeepMeSubscribedButtonAndAWayOut_inEveryLocale() throws IOException {
        assertThat(lastChanceCampaigns()).containsEntry("email-last-chance", Channel.EMAIL);
        for (String locale : locales("email-last-chance", Channel.EMAIL)) {
            RenderedContent email = templates.render("email-last-chance", Channel.EMAIL,
                    locale.isEmpty() ? Locale.ROOT : Locale.forLanguageTag(locale), TemplateSamples.loyalMember());
            assertThat(email.html()).as(locale).contains("href=\"https://links.shop.example/k/v1.c-000123.email\"")
                    .contains("/u/v1.c-000123.email");
            assertThat(email.text()).as(locale).contains("https://links.shop.example/k/v1.c-000123.email")
                    .contains("/u/v1.c-000123.email");
        }
        Map<String, Object> withoutButton = new HashMap<>(TemplateSamples.loyalMember());
        withoutButton.remove(KeepSubscribedComposer.VARIABLE);
        assertThatThrownBy(() -> templates.render("email-last-chance", Channel.EMAIL, Locale.ENGLISH, withoutButton))
                .isInstanceOf(TemplateException.class).hasMessageContaining("'keepSubscribedUrl'");
    }

    @Test
    void htmlParts_escapeVariables_textAndSubjectDoNot() {
        Map<String, Object> variables = new HashMap<>(TemplateSamples.loyalMember());
        variables.put("brandName", "Tom & Jerry's <b>Shop</b>");

        RenderedContent email = templates.render("lapsed-any-channel", Channel.EMAIL, Locale.ENGLISH, variables);

        assertThat(email.html()).contains("Tom &amp; Jerry&#39;s &lt;b&gt;Shop&lt;/b&gt;").doesNotContain("<b>Shop</b>");
        assertThat(email.subject()).isEqualTo("We miss you at Tom & Jerry's <b>Shop</b>");
        assertThat(email.text()).contains("Tom & Jerry's <b>Shop</b>");
        RenderedContent sms = templates.render("lapsed-any-channel", Channel.SMS, Locale.ENGLISH, variables);
        assertThat(sms.text()).startsWith("Tom & Jerry's <b>Shop</b>:");
    }

    @Test
    void localeFallback_onShippedTemplates_deATToDe_andOthersToTheDefault() {
        Map<String, Object> v = TemplateSamples.loyalMember();
        RenderedContent austrian = templates.render("lapsed-any-channel", Channel.PUSH, Locale.forLanguageTag("de-AT"), v);
        assertThat(austrian.subject()).isEqualTo("Wir vermissen Sie");
        assertThat(austrian.data()).containsEntry("templateLocale", "de");
        RenderedContent french = templates.render("lapsed-any-channel", Channel.PUSH, Locale.FRANCE, v);
        assertThat(french.subject()).isEqualTo("We miss you");
        assertThat(french.data()).containsEntry("templateLocale", "default");
        assertThat(templates.render("lapse-new-products", Channel.PUSH, Locale.GERMAN, v).subject())
                .as("no German variant: the default").isEqualTo("New arrivals");
    }

    @Test
    void webhook_usesTheCampaignsSmsText() {
        RenderedContent messenger = templates.render("lapsed-any-channel", Channel.WEBHOOK, Locale.ENGLISH,
                TemplateSamples.loyalMember());
        assertThat(messenger.text()).isEqualTo(templates.render("lapsed-any-channel", Channel.SMS, Locale.ENGLISH,
                TemplateSamples.loyalMember()).text());
        assertThatThrownBy(() -> templates.render("cross-promote-platforms", Channel.WEBHOOK, Locale.ENGLISH,
                TemplateSamples.loyalMember())).isInstanceOf(TemplateException.class)
                .hasMessageContaining("no template for campaign cross-promote-platforms on channel webhook");
    }

    @Test
    void unknownCampaignsAndIdsThatAreNoNames_fail() {
        assertThatThrownBy(() -> templates.render("no-such-campaign", Channel.EMAIL, Locale.ENGLISH, TemplateSamples.loyalMember()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("no template for campaign no-such-campaign");
        assertThatThrownBy(() -> templates.render("../playbook", Channel.EMAIL, Locale.ENGLISH, TemplateSamples.loyalMember()))
                .isInstanceOf(TemplateException.class).hasMessageContaining("not a campaign id");
    }

    /** The variable and section names a template uses. */
    static Set<String> variables(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = TAG.matcher(source);
        while (m.find()) {
            if (m.group(1).equals("/") || m.group(2).startsWith("!")) continue;
            names.add(m.group(2));
        }
        return names;
    }

    private static String part(RenderedContent content, String part) {
        return switch (part) {
            case MustacheMessageTemplates.SUBJECT -> content.subject();
            case MustacheMessageTemplates.HTML -> content.html();
            case MustacheMessageTemplates.TEXT -> content.text();
            default -> throw new IllegalArgumentException("no part " + part);
        };
    }
}
