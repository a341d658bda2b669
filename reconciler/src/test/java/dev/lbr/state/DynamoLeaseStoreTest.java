package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.StackId;
import dev.lbr.testing.DynamoDbLocal;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoLeaseStoreTest {
  private static final StackId ECHO = StackId.service("default", "echo");
  private static final Duration TTL = Duration.ofSeconds(30);

  private final String table = DynamoDbLocal.freshTable();
  private final MutableClock clock = MutableClock.start();
  private final DynamoLeaseStore leases =
      new DynamoLeaseStore(DynamoDbLocal.client(), table, "prod", clock);

  @Test
  void aFreeLeaseIsTakenWithAFreshToken() {
    Lease first = leases.tryAcquire(ECHO, "invocation-1", TTL).orElseThrow();
    leases.release(first, TTL);
    Lease second = leases.tryAcquire(ECHO, "invocation-2", TTL).orElseThrow();

    assertThat(first.stackId()).isEqualTo(ECHO);
    assertThat(first.owner()).isEqualTo("invocation-1");
    assertThat(first.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    assertThat(second.token()).isNotBlank().isNotEqualTo(first.token());
  }

  @Test
  void aSecondCallerGetsNothingAndMarksTheStackDirty() {
    leases.tryAcquire(ECHO, "holder", TTL).orElseThrow();

    assertThat(leases.tryAcquire(ECHO, "latecomer", TTL)).isEmpty();

    assertThat(rawLease().get(DynamoLeaseStore.DIRTY).bool()).isTrue();
    assertThat(rawLease().get(DynamoLeaseStore.OWNER).s()).isEqualTo("holder");
  }

  @Test
  void aCleanLeaseIsReleasedAndFreeAgain() {
    Lease lease = leases.tryAcquire(ECHO, "holder", TTL).orElseThrow();

    assertThat(leases.release(lease, TTL)).isTrue();

    assertThat(rawLease()).isEmpty();
    assertThat(leases.tryAcquire(ECHO, "next", TTL)).isPresent();
  }

  @Test
  void aDirtyLeaseIsKeptOnceThenReleased() {
    Lease lease = leases.tryAcquire(ECHO, "holder", TTL).orElseThrow();
    leases.tryAcquire(ECHO, "latecomer", TTL);

    assertThat(leases.release(lease, TTL)).isFalse();
    assertThat(rawLease().get(DynamoLeaseStore.DIRTY).bool()).isFalse();
    assertThat(leases.tryAcquire(ECHO, "another", TTL)).isEmpty();

    assertThat(leases.release(lease, TTL)).isFalse();
    assertThat(leases.release(lease, TTL)).isTrue();
    assertThat(rawLease()).isEmpty();
  }

  @Test
  void keepingADirtyLeaseExtendsItByTheTtl() {
    Lease lease = leases.tryAcquire(ECHO, "holder", TTL).orElseThrow();
    clock.advance(Duration.ofSeconds(20));
    leases.tryAcquire(ECHO, "latecomer", TTL);

    leases.release(lease, TTL);
    clock.advance(Duration.ofSeconds(20));

    assertThat(leases.tryAcquire(ECHO, "after the first expiry", TTL)).isEmpty();
    clock.advance(Duration.ofSeconds(11));
    assertThat(leases.tryAcquire(ECHO, "after the extension", TTL)).isPresent();
  }

  @Test
  void anExpiredLeaseIsTakenByAnotherOwner() {
    Lease stale = leases.tryAcquire(ECHO, "crashed", TTL).orElseThrow();
    clock.advance(TTL);

    Optional<Lease> taken = leases.tryAcquire(ECHO, "successor", TTL);

    assertThat(taken).isPresent();
    assertThat(taken.get().owner()).isEqualTo("successor");
    assertThat(taken.get().token()).isNotEqualTo(stale.token());
  }

  @Test
  void aStaleHoldersReleaseLeavesTheNewHoldersLeaseAlone() {
    Lease stale = leases.tryAcquire(ECHO, "slow", TTL).orElseThrow();
    clock.advance(TTL.plusSeconds(1));
    Lease current = leases.tryAcquire(ECHO, "successor", TTL).orElseThrow();

    assertThat(leases.release(stale, TTL)).isTrue();

    assertThat(rawLease().get(DynamoLeaseStore.TOKEN).s()).isEqualTo(current.token());
    assertThat(leases.tryAcquire(ECHO, "latecomer", TTL)).isEmpty();
    assertThat(leases.release(stale, TTL)).isTrue();
    assertThat(leases.release(current, TTL)).isFalse();
    assertThat(leases.release(current, TTL)).isTrue();
  }

  @Test
  void leaseItemsExpireThroughTtlAnHourAfterTheLease() {
    Lease lease = leases.tryAcquire(ECHO, "holder", TTL).orElseThrow();

    assertThat(rawLease().get(StateTable.EXPIRES_AT).n())
        .isEqualTo(Long.toString(lease.expiresAt().plus(Duration.ofHours(1)).getEpochSecond()));
  }

  @Test
  void leasesOfDifferentStacksAndClustersAreIndependent() {
    var staging = new DynamoLeaseStore(DynamoDbLocal.client(), table, "staging", clock);
    leases.tryAcquire(ECHO, "prod holder", TTL).orElseThrow();

    assertThat(leases.tryAcquire(StackId.service("default", "web"), "other", TTL)).isPresent();
    assertThat(staging.tryAcquire(ECHO, "staging holder", TTL)).isPresent();
  }

  @Test
  void ofConcurrentCallersExactlyOneTakesTheLease() throws Exception {
    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      var start = new CountDownLatch(1);
      List<Future<Optional<Lease>>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        String owner = "caller-" + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return leases.tryAcquire(ECHO, owner, TTL);
                }));
      }
      start.countDown();
      List<Lease> taken = new ArrayList<>();
      for (var result : results) {
        result.get().ifPresent(taken::add);
      }

      assertThat(taken).hasSize(1);
      assertThat(rawLease().get(DynamoLeaseStore.DIRTY).bool()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, AttributeValue> rawLease() {
    return DynamoDbLocal.client()
        .getItem(
            b ->
                b.tableName(table)
                    .key(StateKeys.key(StateKeys.partition("prod", "lease"), ECHO.value()))
                    .consistentRead(true))
        .item();
  }
}
