package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

class AwsErrorsTest {

  @Test
  void notFoundErrorsOfEveryServiceAreRecognised() {
    assertThat(AwsErrors.isNotFound(error("TargetGroupNotFound", 400))).isTrue();
    assertThat(AwsErrors.isNotFound(error("LoadBalancerNotFound", 400))).isTrue();
    assertThat(AwsErrors.isNotFound(error("InvalidSubnetID.NotFound", 400))).isTrue();
    assertThat(AwsErrors.isNotFound(error("ResourceNotFoundException", 400))).isTrue();
    assertThat(AwsErrors.isNotFound(error("ValidationError", 400))).isFalse();
    assertThat(AwsErrors.isNotFound(new IllegalStateException("TargetGroupNotFound"))).isFalse();
  }

  @Test
  void typedSdkExceptionsCarryTheirCode() {
    var e =
        TargetGroupNotFoundException.builder()
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("TargetGroupNotFound").build())
            .statusCode(400)
            .build();
    assertThat(AwsErrors.isNotFound(e)).isTrue();
    assertThat(AwsErrors.errorCode(e)).isEqualTo("TargetGroupNotFound");
  }

  @Test
  void throttlingServerErrorsIoAndInUseAreRetryable() {
    assertThat(AwsErrors.isRetryable(error("Throttling", 400))).isTrue();
    assertThat(AwsErrors.isRetryable(error("InternalError", 500))).isTrue();
    assertThat(AwsErrors.isRetryable(error("ServiceUnavailable", 503))).isTrue();
    assertThat(AwsErrors.isRetryable(error("ResourceInUse", 400))).isTrue();
    assertThat(
            AwsErrors.isRetryable(SdkClientException.create("connect", new IOException("reset"))))
        .isTrue();
  }

  @Test
  void invalidRequestsAreNotRetryable() {
    assertThat(AwsErrors.isRetryable(error("ValidationError", 400))).isFalse();
    assertThat(AwsErrors.isRetryable(error("TargetGroupNotFound", 400))).isFalse();
    assertThat(AwsErrors.isRetryable(SdkClientException.create("no region"))).isFalse();
    assertThat(AwsErrors.isRetryable(new IllegalArgumentException())).isFalse();
  }

  private static AwsServiceException error(String code, int status) {
    return AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
        .statusCode(status)
        .build();
  }
}
