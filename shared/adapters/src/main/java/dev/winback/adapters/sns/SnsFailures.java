package dev.winback.adapters.sns;

import dev.winback.core.delivery.SendResult;
import dev.winback.core.delivery.SendResult.FailureKind;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.EndpointDisabledException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PlatformApplicationDisabledException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * SNS exceptions as send results. What matters is whether SNS may have taken the message: a refusal
 * it answered (a disabled endpoint, a bad number, throttling) certainly did not go out; a timeout or
 * a lost response may have, and is {@link SendResult.Unknown}. Reasons name the error code only:
 * SNS messages can quote the phone number or endpoint.
 */
final class SnsFailures {

    private SnsFailures() {
    }

    static SendResult of(SdkException e) {
        return switch (e) {
            case EndpointDisabledException d -> rejected(FailureKind.ENDPOINT_DISABLED, d);
            case PlatformApplicationDisabledException d -> rejected(FailureKind.ENDPOINT_DISABLED, d);
            case NotFoundException d -> rejected(FailureKind.ENDPOINT_DISABLED, d);
            case InvalidParameterException d -> rejected(FailureKind.INVALID_ADDRESS, d);
            case InvalidParameterValueException d -> rejected(FailureKind.INVALID_ADDRESS, d);
            case AuthorizationErrorException d -> rejected(FailureKind.OTHER, d);
            case ThrottledException t -> new SendResult.Retryable("sns " + code(t));
            case AwsServiceException s -> service(s);
            case ApiCallTimeoutException t -> new SendResult.Unknown("sns call timed out");
            case ApiCallAttemptTimeoutException t -> new SendResult.Unknown("sns call attempt timed out");
            case SdkClientException c -> client(c);
            default -> new SendResult.Unknown("sns " + e.getClass().getSimpleName());
        };
    }

    private static SendResult service(AwsServiceException e) {
        if (e.isThrottlingException() || e.statusCode() == 429 || e.statusCode() == 503) {
            return new SendResult.Retryable("sns " + code(e));
        }
        // A server error may come after the message was taken.
        if (e.statusCode() >= 500) return new SendResult.Unknown("sns " + code(e));
        return rejected(FailureKind.OTHER, e);
    }

    /** Nothing reached SNS when the connection could not even be opened; anything else may have. */
    private static SendResult client(SdkClientException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return new SendResult.Retryable("sns unreachable: " + cause.getClass().getSimpleName());
            }
        }
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return new SendResult.Unknown("sns answer lost: " + root.getClass().getSimpleName());
    }

    private static SendResult rejected(FailureKind kind, AwsServiceException e) {
        return new SendResult.Rejected(kind, "sns " + code(e));
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : "status " + e.statusCode();
    }
}
