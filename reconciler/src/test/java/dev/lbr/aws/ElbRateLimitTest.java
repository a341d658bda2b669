package dev.lbr.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ElbRateLimitTest {
  private final AtomicLong now = new AtomicLong();
  private final AtomicLong slept = new AtomicLong();

  private ElbRateLimit limit(double perSecond) {
    return new ElbRateLimit(
        perSecond,
        now::get,
        d -> {
          slept.addAndGet(d.toNanos());
          now.addAndGet(d.toNanos());
        });
  }

  @Test
  void aFullBucketLetsOneSecondsWorthOfCallsThroughWithoutWaiting() {
    ElbRateLimit limit = limit(10);

    for (int i = 0; i < 10; i++) {
      limit.acquire();
    }

    assertThat(slept.get()).isZero();
  }

  @Test
  void beyondTheBurstCallsAreSpacedAtTheConfiguredRate() {
    ElbRateLimit limit = limit(10);

    for (int i = 0; i < 30; i++) {
      limit.acquire();
    }

    // 10 free, then 20 more at 10 per second
    assertThat(Duration.ofNanos(slept.get()))
        .isBetween(Duration.ofMillis(1990), Duration.ofMillis(2010));
    assertThat(limit.waited()).isEqualTo(Duration.ofNanos(slept.get()));
  }

  @Test
  void idleTimeRefillsTheBucketButNoMoreThanItHolds() {
    ElbRateLimit limit = limit(2);
    limit.acquire();
    limit.acquire();
    now.addAndGet(Duration.ofMinutes(1).toNanos());

    limit.acquire();
    limit.acquire();
    limit.acquire();

    assertThat(Duration.ofNanos(slept.get()))
        .isBetween(Duration.ofMillis(490), Duration.ofMillis(510));
  }
}
