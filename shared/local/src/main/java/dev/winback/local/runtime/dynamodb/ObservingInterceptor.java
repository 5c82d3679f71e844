package dev.winback.local.runtime.dynamodb;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;

/** Hands each call of the SDK client it is registered on to a {@link DynamoDbCallObserver}, once per call (not per attempt). */
public final class ObservingInterceptor implements ExecutionInterceptor {

    private final DynamoDbCallObserver observer;

    public ObservingInterceptor(DynamoDbCallObserver observer) {
        this.observer = observer;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof DynamoDbRequest request && context.response() instanceof DynamoDbResponse response) {
            observer.succeeded(request, response);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof DynamoDbRequest request) observer.failed(request, context.exception());
    }
}
