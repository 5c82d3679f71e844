package dev.winback.adapters.mustache;

import dev.winback.core.delivery.MessageTemplates.TemplateException;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.event.Channel;
import dev.winback.core.template.TemplateSamples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Template resolution and rendering rules on small test templates (src/test/resources/test-templates). */
class MustacheMessageTemplatesTest {

    private final MustacheMessageTemplates templates = new MustacheMessageTemplates("test-templates",
            getClass().getClassLoader());
    private final Map<String, Object> variables = TemplateSamples.loyalMember();

    @Test
    void localeCandidates_countryThenLanguageThenDefault() {
        assertThat(MustacheMessageTemplates.localeCandidates(Locale.forLanguageTag("de-AT"))).containsExactly("de-AT", "de", "");
        assertThat(MustacheMessageTemplates.localeCandidates(Locale.GERMAN)).containsExactly("de", "");
        assertThat(MustacheMessageTemplates.localeCandidates(Locale.ROOT)).containsExactly("");
        assertThat(MustacheMessageTemplates.localeCandidates(null)).containsExactly("");
    }

    @Test
    void render_fallsBackFromCountryToLanguageToDefault() {
        assertThat(render(Locale.forLanguageTag("de-AT")).text()).isEqualTo("Österreich Demo Shop");
        assertThat(render(Locale.forLanguageTag("de-CH")).text()).isEqualTo("Deutsch Demo Shop");
        assertThat(render(Locale.GERMAN).text()).isEqualTo("Deutsch Demo Shop");
        assertThat(render(Locale.forLanguageTag("es-ES")).text()).isEqualTo("Default Demo Shop");
        assertThat(render(Locale.ROOT).subject()).isEqualTo("Hello");
    }

    @Test
    void render_choosesALocaleForTheWholeChannel_andFailsWhenItLacksAPart() {
        assertThatThrownBy(() -> render(Locale.FRENCH)).isInstanceOf(TemplateException.class)
                .hasMessage("template test-templates/fallback/push.fr.text.mustache is missing: the push template for"
                        + " locale fr needs a text part");
    }

    @Test
    void render_emailWithoutATextPart_fails() {
        assertThatThrownBy(() -> templates.render("incomplete", Channel.EMAIL, Locale.ROOT, variables))
                .isInstanceOf(TemplateException.class).hasMessageContaining("incomplete/email.text.mustache is missing");
    }

    @Test
    void render_escapesOnlyHtml() {
        Map<String, Object> v = new java.util.HashMap<>(variables);
        v.put("brandName", "<A&B>");
        v.put("shopUrl", "https://shop.example/?a=1&b=\"2\"");

        RenderedContent content = templates.render("escaping", Channel.EMAIL, Locale.ROOT, v);

        assertThat(content.html()).isEqualTo("<p>&lt;A&amp;B&gt;</p><a href=\"https://shop.example/?a=1&amp;b=&quot;2&quot;\">go</a>\n");
        assertThat(content.subject()).isEqualTo("<A&B> news");
        assertThat(content.text()).isEqualTo("<A&B> at https://shop.example/?a=1&b=\"2\"");
    }

    @Test
    void render_sectionsOnMissingNames_failToo() {
        MustacheMessageTemplates shipped = MustacheMessageTemplates.shipped();
        Map<String, Object> v = new java.util.HashMap<>(variables);
        v.remove("isMember");
        assertThatThrownBy(() -> shipped.render("lapsed-any-channel", Channel.EMAIL, Locale.ROOT, v))
                .isInstanceOf(TemplateException.class).hasMessageContaining("'isMember'");
    }

    @Test
    void parts_perChannel() {
        assertThat(MustacheMessageTemplates.parts(Channel.EMAIL).required()).containsExactly("subject", "html", "text");
        assertThat(MustacheMessageTemplates.parts(Channel.SMS).required()).isEqualTo(List.of("text"));
    }

    private RenderedContent render(Locale locale) {
        return templates.render("fallback", Channel.PUSH, locale, variables);
    }
}
