package dev.winback.core.feedback;

import java.time.Instant;

/** Numbers no customer gave that texted STOP: the SMS sender refuses to text them. */
public interface SmsSuppressionList {
    void suppressSms(String e164, Instant at);

    void liftSmsSuppression(String e164);
}
