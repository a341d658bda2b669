package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.testing.DynamoDbLocal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamoBoundsStoreTest {
  private final DynamoBoundsStore store =
      new DynamoBoundsStore(DynamoDbLocal.client(), DynamoDbLocal.freshTable(), "prod");
  private static final Instant WINDOW = Instant.parse("2025-01-01T10:00:00Z");

  @Test
  void concurrentTakersShareOneBudgetPerWindow() throws Exception {
    var pool = Executors.newFixedThreadPool(4);
    try {
      var takes =
          IntStream.range(0, 12)
              .mapToObj(i -> pool.submit(() -> store.takeDeletion(WINDOW, Duration.ofHours(1), 5)))
              .toList();
      long granted = 0;
      for (Future<Boolean> f : takes) {
        granted += f.get() ? 1 : 0;
      }
      assertThat(granted).isEqualTo(5);
    } finally {
      pool.shutdown();
    }
    assertThat(store.deletionsTaken(WINDOW)).isEqualTo(5);
    assertThat(store.takeDeletion(WINDOW.plus(Duration.ofHours(1)), Duration.ofHours(1), 5))
        .as("the next window has its own budget")
        .isTrue();
    assertThat(store.takeDeletion(WINDOW, Duration.ofHours(1), 0)).isFalse();
  }

  @Test
  void theHighWaterMarkOnlyRises() {
    assertThat(store.highWater()).isEmpty();
    store.raiseHighWater("100");
    store.raiseHighWater("99");
    assertThat(store.highWater()).contains("100");
    store.raiseHighWater("1000");
    assertThat(store.highWater()).contains("1000");
  }
}
