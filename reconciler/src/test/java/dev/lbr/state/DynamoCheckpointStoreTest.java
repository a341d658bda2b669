package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.aws.AwsClients;
import dev.lbr.model.NetworkState;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.model.Target;
import dev.lbr.state.Checkpoint.Status;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class DynamoCheckpointStoreTest {
  private static final StackId ECHO = StackId.service("default", "echo");

  private final String table = DynamoDbLocal.freshTable();
  private final DynamoCheckpointStore store =
      new DynamoCheckpointStore(DynamoDbLocal.client(), table, "prod");

  @Test
  void everyFieldSurvivesTheRoundTrip() {
    var checkpoint =
        new Checkpoint(
            ECHO,
            0,
            Status.FAILED,
            "sha256:input",
            "sha256:desired",
            Map.of(
                "LoadBalancer", "arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/net/a/1",
                "default/echo:80", "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/b/2",
                "listener/80", "arn:aws:elasticloadbalancing:eu-west-1:1:listener/net/a/1/3"),
            Map.of(
                "default/echo:80",
                    Set.of(new Target("10.0.0.1", 8080), new Target("10.0.0.2", 8080)),
                "default/echo:443", Set.of()),
            "Throttling: rate exceeded",
            Instant.parse("2025-03-04T05:06:07.123456789Z"),
            Instant.parse("2025-03-04T05:00:00Z"),
            NetworkState.NONE,
            Map.of(),
            Map.of(),
            Map.of());

    Checkpoint written = store.put(checkpoint);

    assertThat(written).isEqualTo(withVersion(checkpoint, 1));
    assertThat(store.get(ECHO)).contains(written);
  }

  @Test
  void attributeHashesSurviveTheRoundTrip() {
    var checkpoint =
        new Checkpoint(
            ECHO,
            0,
            Status.OK,
            "in",
            "desired",
            Map.of("default/echo:80", "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/b/2"),
            Map.of(),
            null,
            Instant.parse("2025-03-04T05:06:07Z"),
            Instant.parse("2025-03-04T05:06:07Z"),
            NetworkState.NONE,
            Map.of(),
            Map.of(),
            Map.of("default/echo:80", "0123456789abcdef"));

    Checkpoint written = store.put(checkpoint);

    assertThat(store.get(ECHO)).contains(written);
    assertThat(written.attributeHashes()).containsEntry("default/echo:80", "0123456789abcdef");
    assertThat(written.withStatus(Status.IN_PROGRESS, Instant.EPOCH).attributeHashes())
        .as("kept by every transition")
        .isEqualTo(checkpoint.attributeHashes());
  }

  @Test
  void aTableThatDoesNotExistHoldsNoCheckpointsButRefusesWrites() {
    // Over HTTP, as the CLI meets it: embedded DynamoDB Local's paginators report a missing table
    // with an exception of their own, where DynamoDB says ResourceNotFoundException.
    try (AwsClients aws = AwsEmulator.clients()) {
      var missing = new DynamoCheckpointStore(aws.dynamodb(), "lbr-no-such-table", "prod");

      assertThat(missing.get(ECHO)).isEmpty();
      assertThat(missing.list()).isEmpty();
      assertThatThrownBy(() -> missing.put(Checkpoint.initial(ECHO)))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  @Test
  void anInitialCheckpointWithItsNullsSurvivesTheRoundTrip() {
    var ingress = new StackId(StackKind.INGRESS, "shop");

    Checkpoint written = store.put(Checkpoint.initial(ingress));

    assertThat(store.get(ingress)).contains(written);
    assertThat(written.version()).isEqualTo(1);
  }

  @Test
  void anUnknownStackHasNoCheckpoint() {
    assertThat(store.get(ECHO)).isEmpty();
  }

  @Test
  void eachWriteIncrementsTheVersion() {
    Checkpoint first = store.put(Checkpoint.initial(ECHO));
    Checkpoint second = store.put(withStatus(first, Status.OK));

    assertThat(second.version()).isEqualTo(2);
    assertThat(store.get(ECHO)).contains(second);
  }

  @Test
  void aWriterHoldingAnOldVersionLoses() {
    Checkpoint read = store.put(Checkpoint.initial(ECHO));
    store.put(withStatus(read, Status.OK));

    assertThatThrownBy(() -> store.put(withStatus(read, Status.FAILED)))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessageContaining("service/default/echo");
    assertThat(store.get(ECHO).orElseThrow().status()).isEqualTo(Status.OK);
  }

  @Test
  void aSecondFirstWriteLoses() {
    store.put(Checkpoint.initial(ECHO));

    assertThatThrownBy(() -> store.put(Checkpoint.initial(ECHO)))
        .isInstanceOf(ConcurrentUpdateException.class);
  }

  @Test
  void writingOverADeletedCheckpointLoses() {
    Checkpoint read = store.put(Checkpoint.initial(ECHO));
    store.delete(ECHO, read.version());

    assertThatThrownBy(() -> store.put(read)).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(store.get(ECHO)).isEmpty();
  }

  @Test
  void ofConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
    Checkpoint read = store.put(Checkpoint.initial(ECHO));
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      var start = new CountDownLatch(1);
      List<Future<Checkpoint>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String hash = "writer-" + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.put(withDesiredHash(read, hash));
                }));
      }
      start.countDown();
      List<Checkpoint> winners = new ArrayList<>();
      int losers = 0;
      for (Future<Checkpoint> result : results) {
        try {
          winners.add(result.get());
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(ConcurrentUpdateException.class);
          losers++;
        }
      }

      assertThat(winners).hasSize(1);
      assertThat(losers).isEqualTo(writers - 1);
      assertThat(store.get(ECHO)).contains(winners.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deleteNeedsTheCurrentVersion() {
    Checkpoint written = store.put(store.put(Checkpoint.initial(ECHO)));

    assertThatThrownBy(() -> store.delete(ECHO, 1)).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(store.get(ECHO)).isPresent();

    store.delete(ECHO, written.version());
    assertThat(store.get(ECHO)).isEmpty();
    store.delete(ECHO, written.version());
  }

  @Test
  void listReturnsEveryCheckpointOfTheClusterAcrossPages() {
    var staging = new DynamoCheckpointStore(DynamoDbLocal.client(), table, "staging");
    staging.put(Checkpoint.initial(StackId.service("default", "elsewhere")));
    Set<Target> manyTargets = targets(8_000);
    List<StackId> ids =
        IntStream.range(0, 12).mapToObj(i -> StackId.service("ns", "svc-" + i)).toList();
    ids.forEach(id -> store.put(withTargets(Checkpoint.initial(id), manyTargets)));

    List<Checkpoint> listed = store.list();

    assertThat(listed).extracting(Checkpoint::stackId).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(listed).allSatisfy(c -> assertThat(c.targets().get("tg")).hasSize(8_000));
  }

  @Test
  void twentyThousandTrackedTargetsFitInOneCheckpoint() {
    Set<Target> targets = targets(20_000);

    Checkpoint written = store.put(withTargets(Checkpoint.initial(ECHO), targets));

    assertThat(store.get(ECHO).orElseThrow().targets().get("tg")).isEqualTo(targets);
    assertThat(written.version()).isEqualTo(1);
  }

  @Test
  void aCheckpointOverTheItemLimitIsRefusedWithItsStackNamed() {
    assertThatThrownBy(() -> store.put(withTargets(Checkpoint.initial(ECHO), targets(30_000))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("service/default/echo");
    assertThat(store.get(ECHO)).isEmpty();
  }

  private static Set<Target> targets(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new Target(
                    "10.%d.%d.%d".formatted(100 + i / 65536, (i / 256) % 256, i % 256), 8080))
        .collect(Collectors.toSet());
  }

  private static Checkpoint withVersion(Checkpoint c, long version) {
    return new Checkpoint(
        c.stackId(),
        version,
        c.status(),
        c.inputHash(),
        c.desiredHash(),
        c.resources(),
        c.targets(),
        c.lastError(),
        c.updatedAt(),
        c.verifiedAt(),
        NetworkState.NONE,
        Map.of(),
        Map.of(),
        Map.of());
  }

  private static Checkpoint withStatus(Checkpoint c, Status status) {
    return new Checkpoint(
        c.stackId(),
        c.version(),
        status,
        c.inputHash(),
        c.desiredHash(),
        c.resources(),
        c.targets(),
        c.lastError(),
        c.updatedAt(),
        c.verifiedAt(),
        NetworkState.NONE,
        Map.of(),
        Map.of(),
        Map.of());
  }

  private static Checkpoint withDesiredHash(Checkpoint c, String hash) {
    return new Checkpoint(
        c.stackId(),
        c.version(),
        c.status(),
        c.inputHash(),
        hash,
        c.resources(),
        c.targets(),
        c.lastError(),
        c.updatedAt(),
        c.verifiedAt(),
        NetworkState.NONE,
        Map.of(),
        Map.of(),
        Map.of());
  }

  private static Checkpoint withTargets(Checkpoint c, Set<Target> targets) {
    return new Checkpoint(
        c.stackId(),
        c.version(),
        c.status(),
        c.inputHash(),
        c.desiredHash(),
        c.resources(),
        Map.of("tg", targets),
        c.lastError(),
        c.updatedAt(),
        c.verifiedAt(),
        NetworkState.NONE,
        Map.of(),
        Map.of(),
        Map.of());
  }
}
