package dev.winback.adapters.aws;

import dev.winback.core.delivery.SendResult;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What an SDK failure means for a send, for the cases every AWS channel shares. The distinction
 * that matters is whether the provider may have accepted the message: a throttle or a connection
 * that never opened certainly sent nothing (retry later); a timeout or a lost response after the
 * request left may have (unknown, never blindly resent).
 *
 * <p>Reasons name error codes and HTTP statuses only: SDK messages can repeat the recipient's address.
 */
public final class SdkFailures {

    private SdkFailures() {
    }

    /**
     * @param transmitted whether the request may have left (see {@link TransmissionTracker}); pass
     *                    true when unknown
     */
    public static SendResult classify(String provider, SdkException e, boolean transmitted) {
        if (e instanceof AwsServiceException service) {
            return serviceFailure(provider, service);
        }
        if (!transmitted) {
            return new SendResult.Retryable(provider + " call failed before the request was sent ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new SendResult.Unknown(provider + " call timed out after the request was sent");
        }
        if (neverConnected(e)) {
            return new SendResult.Retryable(provider + " could not be reached (" + rootCauseName(e) + ")");
        }
        return new SendResult.Unknown(provider + " answer lost after the request was sent (" + rootCauseName(e) + ")");
    }

    /** A service answer no channel-specific rule claimed: throttles retry, 5xx may have been accepted. */
    public static SendResult serviceFailure(String provider, AwsServiceException e) {
        int status = e.statusCode();
        String code = errorCode(e);
        if (e.isThrottlingException() || status == 429 || status == 503) {
            return new SendResult.Retryable(provider + " throttled the request (" + code + ", HTTP " + status + ")");
        }
        if (status >= 500) {
            return new SendResult.Unknown(provider + " failed after receiving the request (" + code + ", HTTP "
                    + status + ")");
        }
        return new SendResult.Rejected(SendResult.FailureKind.OTHER, provider + " refused the request (" + code
                + ", HTTP " + status + ")");
    }

    public static String errorCode(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null || code.isBlank() ? e.getClass().getSimpleName() : code;
    }

    /** The service's message in lower case, for matching only: never put into a reason or a log. */
    public static String messageForMatching(AwsServiceException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return message == null ? "" : message.toLowerCase(Locale.ROOT);
    }

    /** A failure to open the connection: the request cannot have been read. */
    public static boolean neverConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t instanceof SocketTimeoutException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static String rootCauseName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName();
    }
}
