package dev.winback.local.e2e;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Faults on SNS Publish (or SES SendEmail, {@link #onSes}), decided by a seeded generator:
 * throttling (the provider refuses before reading the message), a timeout before the request leaves (the sender cannot tell it from one after), and a
 * response lost after SNS took the message. Register it after {@link ProviderLog}, which must see
 * the answer SNS gave before a fault hides it.
 */
final class FaultInjector implements ExecutionInterceptor {

    private final Class<? extends SdkRequest> target;
    private final Supplier<? extends SdkException> throttling;
    private final Random random;
    private final double throttle;
    private final double timeout;
    private final double lose;
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger timedOut = new AtomicInteger();
    final AtomicInteger lost = new AtomicInteger();

    FaultInjector(long seed, double throttle, double timeout, double lose) {
        this(PublishRequest.class, () -> ThrottledException.builder().statusCode(400).message("Rate exceeded")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttled").errorMessage("Rate exceeded").build())
                .build(), seed, throttle, timeout, lose);
    }

    static FaultInjector onSes(long seed, double throttle, double timeout, double lose) {
        return new FaultInjector(SendEmailRequest.class, () -> TooManyRequestsException.builder().statusCode(429)
                .message("Too many requests").awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("TooManyRequestsException").errorMessage("Too many requests").build()).build(),
                seed, throttle, timeout, lose);
    }

    private FaultInjector(Class<? extends SdkRequest> target, Supplier<? extends SdkException> throttling, long seed,
                          double throttle, double timeout, double lose) {
        this.target = target;
        this.throttling = throttling;
        this.random = new Random(seed);
        this.throttle = throttle;
        this.timeout = timeout;
        this.lose = lose;
    }

    private synchronized double roll() {
        return random.nextDouble();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!target.isInstance(context.request())) return;
        double roll = roll();
        if (roll < throttle) {
            throttled.incrementAndGet();
            throw throttling.get();
        }
        if (roll < throttle + timeout) {
            timedOut.incrementAndGet();
            throw ApiCallAttemptTimeoutException.create(1000);
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (!target.isInstance(context.request())) return;
        if (roll() < lose) {
            lost.incrementAndGet();
            throw SdkClientException.create("Unable to read the response", new IOException("Connection reset"));
        }
    }
}
