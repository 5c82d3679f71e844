package dev.winback.local.it;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.ThrottledException;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on SNS Publish, decided by a seeded generator: throttling (SNS refuses before reading the
 * message), a timeout before the request leaves (the sender cannot tell it from one after), and a
 * response lost after SNS took the message. Register it after {@link ProviderLog}, which must see
 * the answer SNS gave before a fault hides it.
 */
final class FaultInjector implements ExecutionInterceptor {

    private final Random random;
    private final double throttle;
    private final double timeout;
    private final double lose;
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger timedOut = new AtomicInteger();
    final AtomicInteger lost = new AtomicInteger();

    FaultInjector(long seed, double throttle, double timeout, double lose) {
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
        if (!(context.request() instanceof PublishRequest)) return;
        double roll = roll();
        if (roll < throttle) {
            throttled.incrementAndGet();
            throw ThrottledException.builder().statusCode(400).message("Rate exceeded")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("Throttled").errorMessage("Rate exceeded").build())
                    .build();
        }
        if (roll < throttle + timeout) {
            timedOut.incrementAndGet();
            throw ApiCallAttemptTimeoutException.create(1000);
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof PublishRequest)) return;
        if (roll() < lose) {
            lost.incrementAndGet();
            throw SdkClientException.create("Unable to read the response", new IOException("Connection reset"));
        }
    }
}
