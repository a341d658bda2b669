package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.testing.AwsEmulator;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate budget sits on the SDK clients: it paces ELBv2 calls and lets other services by. */
class ElbRateLimitEmulatorTest {

  @Test
  void onlyElbv2CallsWaitForTheBudget() {
    AtomicLong now = new AtomicLong();
    ElbRateLimit limit = new ElbRateLimit(1, now::get, d -> now.addAndGet(d.toNanos()));
    AwsEmulator.reset();
    try (AwsClients clients = AwsEmulator.clients(limit)) {
      for (int i = 0; i < 3; i++) {
        clients.ec2().describeVpcs();
      }
      assertThat(limit.waited()).isZero();

      for (int i = 0; i < 3; i++) {
        clients.elbv2().describeLoadBalancers();
      }

      assertThat(limit.waited()).isEqualTo(Duration.ofSeconds(2));
    }
  }
}
