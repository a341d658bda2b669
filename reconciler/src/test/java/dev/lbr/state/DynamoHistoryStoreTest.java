package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.StackId;
import dev.lbr.testing.DynamoDbLocal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoHistoryStoreTest {
  private static final StackId ECHO = StackId.service("default", "echo");
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final String table = DynamoDbLocal.freshTable();
  private final DynamoHistoryStore history =
      new DynamoHistoryStore(DynamoDbLocal.client(), table, "prod");

  @Test
  void recentEntriesComeNewestFirstWhateverTheAppendOrder() {
    List<Integer> seconds = new ArrayList<>(List.of(0, 1, 2, 3, 4));
    Collections.shuffle(seconds, new Random(7));
    seconds.forEach(s -> history.append(ECHO, T0.plusSeconds(s), "OK", List.of("step " + s)));

    assertThat(history.recent(ECHO, 3))
        .containsExactly(
            new HistoryEntry(ECHO, T0.plusSeconds(4), "OK", List.of("step 4")),
            new HistoryEntry(ECHO, T0.plusSeconds(3), "OK", List.of("step 3")),
            new HistoryEntry(ECHO, T0.plusSeconds(2), "OK", List.of("step 2")));
  }

  @Test
  void onlyTheNewestFiftyAreReadable() {
    IntStream.range(0, 60)
        .forEach(i -> history.append(ECHO, T0.plusMillis(i * 1500L), "OK", List.of("#" + i)));

    List<HistoryEntry> recent = history.recent(ECHO, 1000);

    assertThat(recent).hasSize(HistoryStore.KEPT);
    assertThat(recent.get(0).changes()).containsExactly("#59");
    assertThat(recent.get(49).changes()).containsExactly("#10");
    assertThat(recent).extracting(HistoryEntry::at).isSortedAccordingTo(Collections.reverseOrder());
  }

  @Test
  void subSecondTimesKeepTheirOrderAndPrecision() {
    Instant whole = T0;
    Instant fraction = T0.plusNanos(500_000_001);
    history.append(ECHO, fraction, "OK", List.of());
    history.append(ECHO, whole, "OK", List.of());

    assertThat(history.recent(ECHO, 2))
        .extracting(HistoryEntry::at)
        .containsExactly(fraction, whole);
  }

  @Test
  void entriesOfTheSameInstantAreAllKept() {
    history.append(ECHO, T0, "OK", List.of("a"));
    history.append(ECHO, T0, "FAILED: throttled", List.of("b"));

    assertThat(history.recent(ECHO, 10))
        .extracting(HistoryEntry::result)
        .containsExactlyInAnyOrder("OK", "FAILED: throttled");
  }

  @Test
  void entriesExpireThirtyDaysAfterTheyHappened() {
    history.append(ECHO, T0, "OK", List.of());

    var item =
        DynamoDbLocal.client()
            .query(
                b ->
                    b.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(
                            Map.of(":pk", AttributeValue.fromS(StateKeys.history("prod", ECHO)))))
            .items()
            .get(0);
    assertThat(item.get(StateTable.EXPIRES_AT).n())
        .isEqualTo(Long.toString(T0.plus(Duration.ofDays(30)).getEpochSecond()));
  }

  @Test
  void stacksAndClustersHaveTheirOwnHistory() {
    var staging = new DynamoHistoryStore(DynamoDbLocal.client(), table, "staging");
    history.append(ECHO, T0, "OK", List.of("echo"));
    history.append(StackId.service("default", "web"), T0, "OK", List.of("web"));
    staging.append(ECHO, T0, "OK", List.of("staging echo"));

    assertThat(history.recent(ECHO, 10))
        .extracting(HistoryEntry::changes)
        .containsExactly(List.of("echo"));
    assertThat(staging.recent(ECHO, 10)).hasSize(1);
    assertThat(history.recent(StackId.service("default", "none"), 10)).isEmpty();
  }

  @Test
  void aHugeChangeListIsCutWithACountOfTheRest() {
    List<String> changes =
        IntStream.range(0, 10_000)
            .mapToObj(i -> "register 10.0.%d.%d:8080".formatted(i / 256, i % 256))
            .toList();

    history.append(ECHO, T0, "OK", changes);

    List<String> stored = history.recent(ECHO, 1).get(0).changes();
    assertThat(stored.size()).isLessThan(changes.size());
    assertThat(stored.subList(0, stored.size() - 1))
        .isEqualTo(changes.subList(0, stored.size() - 1));
    assertThat(stored.get(stored.size() - 1))
        .isEqualTo("... and " + (changes.size() - stored.size() + 1) + " more changes");
  }

  @Test
  void aZeroLimitReadsNothingAndANegativeOneIsRefused() {
    history.append(ECHO, T0, "OK", List.of());

    assertThat(history.recent(ECHO, 0)).isEmpty();
    assertThatThrownBy(() -> history.recent(ECHO, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
