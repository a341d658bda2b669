package dev.lbr.state;

import dev.lbr.model.StackId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stack history on the state table: one partition per stack, one item per entry, sorted by time
 * ({@code <UTC instant, fixed width>#<random>}, so entries of the same instant never overwrite each
 * other). Entries expire {@link #RETENTION} after they happened; only the newest {@link #KEPT} are
 * readable. A very long change list is cut at {@link #MAX_CHANGE_BYTES} with a count of the rest.
 */
public final class DynamoHistoryStore implements HistoryStore {

  public static final Duration RETENTION = Duration.ofDays(30);

  /** Keeps an entry far below the 400 KB item limit. */
  static final int MAX_CHANGE_BYTES = 64 * 1024;

  static final String RESULT = "result";
  static final String CHANGES = "changes";

  /** A stack's history: one item per entry. */
  private final Function<StackId, Partition> partition;

  public DynamoHistoryStore(DynamoDbClient ddb, String table, String cluster) {
    StateKeys.requireCluster(cluster);
    this.partition = id -> new Partition(ddb, table, StateKeys.history(cluster, id));
  }

  @Override
  public void append(StackId id, Instant at, String result, List<String> changes) {
    Partition history = partition.apply(id);
    Map<String, AttributeValue> item = new HashMap<>(history.key(StateKeys.timeOrdered(at)));
    item.put(RESULT, AttributeValue.fromS(result));
    item.put(
        CHANGES,
        AttributeValue.fromL(bounded(changes).stream().map(AttributeValue::fromS).toList()));
    item.put(StateTable.EXPIRES_AT, Partition.expiresAt(at.plus(RETENTION)));
    history.put(item);
  }

  @Override
  public List<HistoryEntry> recent(StackId id, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    int wanted = Math.min(limit, KEPT);
    if (wanted == 0) {
      return List.of();
    }
    return partition.apply(id).newest(wanted).stream().map(item -> entry(id, item)).toList();
  }

  private static HistoryEntry entry(StackId id, Map<String, AttributeValue> item) {
    String sk = item.get(StateTable.SK).s();
    Instant at = StateKeys.timeOf(sk);
    List<String> changes = item.get(CHANGES).l().stream().map(AttributeValue::s).toList();
    return new HistoryEntry(id, at, item.get(RESULT).s(), changes);
  }

  private static List<String> bounded(List<String> changes) {
    List<String> kept = new ArrayList<>();
    long bytes = 0;
    for (String change : changes) {
      bytes += change.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_CHANGE_BYTES) {
        kept.add("... and " + (changes.size() - kept.size()) + " more changes");
        return kept;
      }
      kept.add(change);
    }
    return kept;
  }
}
