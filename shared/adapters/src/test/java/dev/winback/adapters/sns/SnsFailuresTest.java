package dev.winback.adapters.sns;

import dev.winback.core.delivery.SendResult;
import dev.winback.core.delivery.SendResult.FailureKind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sns.model.EndpointDisabledException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sns.model.ThrottledException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SnsFailuresTest {

    private static AwsErrorDetails code(String code) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage("Invalid parameter: PhoneNumber +15550100123").build();
    }

    @Test
    void refusalsSnsAnsweredAreFinalAndNameTheCodeOnly() {
        SendResult disabled = SnsFailures.of(EndpointDisabledException.builder().statusCode(400)
                .awsErrorDetails(code("EndpointDisabled")).build());
        SendResult invalid = SnsFailures.of(InvalidParameterException.builder().statusCode(400)
                .awsErrorDetails(code("InvalidParameter")).build());

        assertThat(disabled).isEqualTo(new SendResult.Rejected(FailureKind.ENDPOINT_DISABLED, "sns EndpointDisabled"));
        assertThat(invalid).isEqualTo(new SendResult.Rejected(FailureKind.INVALID_ADDRESS, "sns InvalidParameter"));
        assertThat(invalid.toString()).doesNotContain("+1555");
    }

    @Test
    void throttlingIsRetryable() {
        assertThat(SnsFailures.of(ThrottledException.builder().statusCode(400).awsErrorDetails(code("Throttled")).build()))
                .isInstanceOf(SendResult.Retryable.class);
        assertThat(SnsFailures.of(SnsException.builder().statusCode(429).awsErrorDetails(code("TooManyRequests")).build()))
                .isInstanceOf(SendResult.Retryable.class);
        assertThat(SnsFailures.of(SnsException.builder().statusCode(503).awsErrorDetails(code("ServiceUnavailable")).build()))
                .isInstanceOf(SendResult.Retryable.class);
    }

    @Test
    void whatMayHaveReachedSnsIsUnknown() {
        assertThat(SnsFailures.of(ApiCallTimeoutException.create(1000))).isInstanceOf(SendResult.Unknown.class);
        assertThat(SnsFailures.of(SdkClientException.create("read", new SocketTimeoutException("Read timed out"))))
                .isInstanceOf(SendResult.Unknown.class);
        assertThat(SnsFailures.of(SdkClientException.create("reset", new IOException("Connection reset"))))
                .isInstanceOf(SendResult.Unknown.class);
        assertThat(SnsFailures.of(SnsException.builder().statusCode(500).awsErrorDetails(code("InternalError")).build()))
                .isInstanceOf(SendResult.Unknown.class);
    }

    @Test
    void aConnectionNeverOpenedIsRetryable() {
        assertThat(SnsFailures.of(SdkClientException.create("connect", new ConnectException("Connection refused"))))
                .isInstanceOf(SendResult.Retryable.class);
    }
}
