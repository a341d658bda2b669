package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.StackId;
import dev.lbr.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DynamoDriftStoreTest {
  private static final StackId GHOST = StackId.service("default", "ghost");
  private static final StackId OLD = StackId.parse("ingress/old-group");
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final String table = DynamoDbLocal.freshTable();
  private final DynamoDriftStore store =
      new DynamoDriftStore(DynamoDbLocal.client(), table, "prod");

  @Test
  void anOrphanKeepsItsFirstSightingUntilCleared() {
    store.markOrphan(GHOST, T0);
    store.markOrphan(GHOST, T0.plusSeconds(3600));
    store.markOrphan(OLD, T0.plusSeconds(60));

    assertThat(store.orphans()).isEqualTo(Map.of(GHOST, T0, OLD, T0.plusSeconds(60)));

    store.clearOrphan(GHOST);

    assertThat(store.orphans()).containsOnlyKeys(OLD);
  }

  @Test
  void theCursorIsSetAndCleared() {
    assertThat(store.cursor()).isEmpty();

    store.saveCursor(Optional.of(GHOST));
    assertThat(store.cursor()).contains(GHOST);

    store.saveCursor(Optional.empty());
    assertThat(store.cursor()).isEmpty();
  }

  @Test
  void reportsComeBackNewestFirstAndAreNotOrphansOfAnotherCluster() {
    store.appendReport(T0, "{\"run\":1}", Map.of("StacksChecked", 1L));
    store.appendReport(T0.plusSeconds(600), "{\"run\":2}", Map.of("StacksChecked", 2L));
    new DynamoDriftStore(DynamoDbLocal.client(), table, "other").markOrphan(GHOST, T0);

    assertThat(store.recentReports(5)).containsExactly("{\"run\":2}", "{\"run\":1}");
    assertThat(store.orphans()).isEmpty();
  }

  @Test
  void aReportTooLargeForOneItemKeepsItsCounts() {
    String huge = "{\"stacks\":\"" + "x".repeat(DynamoDriftStore.MAX_REPORT_BYTES) + "\"}";

    store.appendReport(T0, huge, Map.of("StacksChecked", 5000L));

    assertThat(store.recentReports(1).getFirst())
        .isEqualTo("{\"truncated\":true,\"counts\":{\"StacksChecked\":5000}}");
  }
}
