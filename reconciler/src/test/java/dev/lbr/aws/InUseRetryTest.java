package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** Deleting a security group that a just-deleted load balancer still holds. */
class InUseRetryTest {
  private static final SdkEc2Gateway.DeletionWait WAIT =
      new SdkEc2Gateway.DeletionWait(
          Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(8));

  private final List<Duration> pauses = new ArrayList<>();
  private long now;
  private final InUseRetry retry =
      new InUseRetry(
          WAIT,
          d -> {
            pauses.add(d);
            now += d.toNanos();
          },
          () -> now);

  static Ec2Exception error(String code) {
    return (Ec2Exception)
        Ec2Exception.builder()
            .statusCode(400)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .message(code)
            .build();
  }

  /** Fails with {@code code} the first {@code failures} times. */
  private static Runnable failing(int failures, String code, int[] attempts) {
    return () -> {
      if (++attempts[0] <= failures) {
        throw error(code);
      }
    };
  }

  @Test
  void aGroupStillInUseIsRetriedWithGrowingPausesUntilItIsReleased() {
    int[] attempts = {0};

    retry.run(failing(4, "DependencyViolation", attempts));

    assertThat(attempts[0]).isEqualTo(5);
    assertThat(pauses)
        .containsExactly(
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8),
            Duration.ofSeconds(8));
  }

  @Test
  void afterTheTimeoutTheDependencyViolationPropagatesAsRetryable() {
    int[] attempts = {0};

    assertThatThrownBy(() -> retry.run(failing(1000, "DependencyViolation", attempts)))
        .isInstanceOf(Ec2Exception.class)
        .satisfies(e -> assertThat(AwsErrors.isRetryable(e)).isTrue());

    assertThat(pauses.stream().mapToLong(Duration::toSeconds).sum()).isEqualTo(30);
    assertThat(attempts[0]).isEqualTo(pauses.size() + 1);
  }

  @Test
  void otherErrorsAreNotRetried() {
    int[] attempts = {0};

    assertThatThrownBy(() -> retry.run(failing(1, "UnauthorizedOperation", attempts)))
        .isInstanceOf(Ec2Exception.class);

    assertThat(attempts[0]).isEqualTo(1);
    assertThat(pauses).isEmpty();
  }
}
