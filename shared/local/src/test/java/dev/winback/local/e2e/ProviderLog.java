package dev.winback.local.e2e;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import dev.winback.adapters.ses.SesEmailSender;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the providers took: every SNS Publish and SES SendEmail answered with 200, seen on the wire
 * (before any fault injected later in the chain can hide the answer from the sender), and what a
 * test's webhook receiver reports. Each entry is the Winback message id the message carries, and
 * whether it went to a phone number.
 */
final class ProviderLog implements ExecutionInterceptor {

    private static final Pattern MESSAGE_ID = Pattern.compile("wb-[0-9a-f]{32}-[0-9]+");

    record Taken(String messageId, boolean sms) {
    }

    private final List<Taken> taken = new ArrayList<>();

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof SendEmailRequest email && context.httpResponse().statusCode() == 200) {
            took(email.emailTags().stream().filter(t -> t.name().equals(SesEmailSender.MESSAGE_ID_TAG))
                    .map(MessageTag::value).findFirst().orElse("?"));
            return;
        }
        if (!(context.request() instanceof PublishRequest publish)) return;
        if (context.httpResponse().statusCode() != 200) return;
        Matcher m = MESSAGE_ID.matcher(publish.message());
        synchronized (taken) {
            taken.add(new Taken(m.find() ? m.group() : "?", publish.phoneNumber() != null));
        }
    }

    /** A message some other provider (a test's webhook receiver) took. */
    void took(String messageId) {
        synchronized (taken) {
            taken.add(new Taken(messageId, false));
        }
    }

    List<Taken> taken() {
        synchronized (taken) {
            return List.copyOf(taken);
        }
    }

    void clear() {
        synchronized (taken) {
            taken.clear();
        }
    }
}
