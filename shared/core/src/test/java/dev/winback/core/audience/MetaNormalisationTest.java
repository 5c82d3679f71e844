package dev.winback.core.audience;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta's own examples, so that a drift from its rules shows here rather than as a silently smaller
 * audience. Sources:
 * <ul>
 *   <li>Conversions API, "Customer Information Parameters" (developers.facebook.com/docs/marketing-api/
 *       conversions-api/parameters/customer-information-parameters): em "John_Smith@gmail.com" normalises
 *       to "john_smith@gmail.com", SHA-256 62a14e44…0f62f; ph US "(650)555-1212" normalises to
 *       "16505551212" (country code 1 prefixed), SHA-256 e323ec62…ab3176.</li>
 *   <li>Marketing API, "Custom Audiences" (developers.facebook.com/docs/marketing-api/custom-audiences-targeting):
 *       hash("sha256", "mary@example.com") returns f1904cf1…2bb79.</li>
 *   <li>Meta Business Help Centre, "How to format a customer list": phone examples "1-234-567-8910",
 *       "12345678910" and "+44 844 412 4653", all with their country code.</li>
 * </ul>
 */
class MetaNormalisationTest {

    @ParameterizedTest
    @CsvSource({
            "John_Smith@gmail.com,  john_smith@gmail.com, 62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f",
            "mary@example.com,      mary@example.com,     f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79",
            "'  Mary@Example.COM ', mary@example.com,     f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79",
    })
    void email_whenMetasExample_normalisesAndHashesAsMetaPublished(String input, String normalised, String sha256) {
        assertThat(MetaNormalisation.email(input)).contains(normalised);
        assertThat(MetaNormalisation.sha256(normalised)).isEqualTo(sha256);
    }

    @ParameterizedTest
    @CsvSource({
            // Meta's example with the US country code the contract's E.164 form always carries.
            "'+1 (650)555-1212', 16505551212, e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176",
            "+16505551212,       16505551212, e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176",
            "1-234-567-8910,     12345678910, 63640264849a87c90356129d99ea165e37aa5fabc1fea46906df1a7ca50db492",
            "12345678910,        12345678910, 63640264849a87c90356129d99ea165e37aa5fabc1fea46906df1a7ca50db492",
            "'+44 844 412 4653', 448444124653, dc008fda46e2e64002cf2f82a4906236282d431c4f75e5b60bfe79fc48546383",
            // Leading zeros go (an international 00 prefix), letters and symbols too.
            "0044 844 412 4653,  448444124653, dc008fda46e2e64002cf2f82a4906236282d431c4f75e5b60bfe79fc48546383",
            "'tel:+1 650 555 1212 ext', 16505551212, e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176",
    })
    void phone_whenMetasExample_isDigitsWithCountryCodeAndHashesAsMetaPublished(String input, String normalised,
                                                                              String sha256) {
        assertThat(MetaNormalisation.phone(input)).contains(normalised);
        assertThat(MetaNormalisation.sha256(normalised)).isEqualTo(sha256);
    }

    @ParameterizedTest
    @CsvSource({"''", "'   '"})
    void email_whenBlank_isNothingToMatchOn(String input) {
        assertThat(MetaNormalisation.email(input)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({"''", "'+'", "'000'", "'( - )'"})
    void phone_whenNoSignificantDigit_isNothingToMatchOn(String input) {
        assertThat(MetaNormalisation.phone(input)).isEqualTo(Optional.empty());
    }
}
