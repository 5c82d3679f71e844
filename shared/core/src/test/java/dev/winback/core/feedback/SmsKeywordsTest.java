package dev.winback.core.feedback;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmsKeywordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop. ", "STOPALL", "UNSUBSCRIBE", "cancel", "END", "QUIT", "OPTOUT",
            "opt-out", "REVOKE", "stop texting me", "Please stop sending me these messages", "STOP IT",
            "don't text me again", "Do not contact me", "unsubscribe me please", "remove me from this list",
            "no more texts", "Stop please"})
    void revocations_stop(String body) {
        assertThat(SmsKeywords.classify(body)).isEqualTo(SmsKeywords.Intent.STOP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "unstop", "Start"})
    void optIns_start(String body) {
        assertThat(SmsKeywords.classify(body)).isEqualTo(SmsKeywords.Intent.START);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help", "INFO"})
    void help(String body) {
        assertThat(SmsKeywords.classify(body)).isEqualTo(SmsKeywords.Intent.HELP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Is my order shipped?", "Thanks!", "What time do you open on Sunday", "Love the new shoes"})
    void anythingElse_isAReply(String body) {
        assertThat(SmsKeywords.classify(body)).isEqualTo(SmsKeywords.Intent.REPLY);
    }

    /** A bare YES answers whatever was asked last; after a STOP only START (or UNSTOP) re-opens SMS. */
    @ParameterizedTest
    @ValueSource(strings = {"YES", "yes", "Yes!"})
    void aBareYes_isAReply_notAReSubscription(String body) {
        assertThat(SmsKeywords.classify(body)).isEqualTo(SmsKeywords.Intent.REPLY);
    }
}
