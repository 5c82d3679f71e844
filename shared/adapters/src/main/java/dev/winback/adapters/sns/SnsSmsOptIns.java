package dev.winback.adapters.sns;

import dev.winback.core.feedback.SmsOptIns;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Takes a number off the SNS account's opt-out list; a refusal is logged, never thrown. */
public final class SnsSmsOptIns implements SmsOptIns {

    private static final Logger LOG = Logger.getLogger(SnsSmsOptIns.class.getName());
    private final SnsClient sns;

    public SnsSmsOptIns(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public void optIn(String e164) {
        try {
            sns.optInPhoneNumber(b -> b.phoneNumber(e164));
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "SNS did not opt the number back in (" + e.getClass().getSimpleName()
                    + "); texts to it stay refused until it does", e);
        }
    }
}
