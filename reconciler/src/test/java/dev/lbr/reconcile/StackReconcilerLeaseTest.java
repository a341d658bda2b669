package dev.lbr.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.StackId;
import dev.lbr.state.Acquisition;
import dev.lbr.state.DynamoLeaseStore;
import dev.lbr.state.LeaseLostException;
import dev.lbr.testing.DynamoDbLocal;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stack lease around a pass, on DynamoDB Local: heartbeats keep a long pass's lease, a pass
 * that lost it is stopped, a holder that died stops blocking after one TTL. The passes here are
 * stand-ins that only ask the fence; the functions' tests run real ones.
 */
class StackReconcilerLeaseTest {
  private static final StackId ECHO = StackId.service("default", "echo");
  private static final Duration TTL = Duration.ofSeconds(10);

  /** Heartbeats in real time, fast; expiry judged by the test's clock. */
  private static final Duration BEAT = Duration.ofMillis(50);

  private final String table = DynamoDbLocal.freshTable();
  private final MutableClock clock = MutableClock.start();
  private final DynamoLeaseStore leases =
      new DynamoLeaseStore(DynamoDbLocal.client(), table, "prod", clock);
  private final ReconcilerConfig config = ReconcilerConfig.defaults("prod").withLease(TTL, BEAT);

  @Test
  void heartbeatsKeepTheLeaseOfAPassLongerThanItsTtl() {
    AtomicInteger runs = new AtomicInteger();
    StackReconciler.Pass longPass =
        (id, force, fence) -> {
          if (runs.incrementAndGet() == 1) {
            for (int second = 0; second < 3 * TTL.toSeconds(); second += 3) {
              clock.advance(Duration.ofSeconds(3));
              Instant now = clock.instant();
              await(() -> leaseUntil().isAfter(now.plus(TTL).minusSeconds(1)), "a heartbeat");
              fence.check();
              assertThat(leases.acquire(ECHO, "latecomer", TTL))
                  .as("%ss into the pass", second + 3)
                  .isInstanceOf(Acquisition.Held.class);
            }
          }
          return ReconcileResult.of(id, ReconcileResult.Path.FULL, List.of());
        };

    ReconcileResult result =
        new StackReconciler(leases, longPass, config, clock).reconcile(ECHO, false);

    assertThat(result.path()).isEqualTo(ReconcileResult.Path.FULL);
    assertThat(runs).as("the latecomers' dirty mark made it run again").hasValue(2);
    assertThat(rawLease()).as("released").isEmpty();
  }

  @Test
  void aPassWhoseLeaseWasTakenOverIsStoppedAndLeavesTheNewLeaseAlone() {
    AtomicInteger mutations = new AtomicInteger();
    StackReconciler.Pass pass =
        (id, force, fence) -> {
          fence.check();
          mutations.incrementAndGet();
          takeOver("successor");
          await(
              () -> {
                try {
                  fence.check();
                  return false;
                } catch (LeaseLostException e) {
                  return true;
                }
              },
              "a heartbeat to find the lease taken");
          fence.check();
          mutations.incrementAndGet();
          return ReconcileResult.of(id, ReconcileResult.Path.FULL, List.of());
        };

    assertThatThrownBy(
            () -> new StackReconciler(leases, pass, config, clock).reconcile(ECHO, false))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining(ECHO.toString());

    assertThat(mutations).as("nothing after the fence closed").hasValue(1);
    assertThat(rawLease().get("owner").s()).isEqualTo("successor");
  }

  @Test
  void aPassThatCannotConfirmItsLeaseInTimeIsStoppedByTheClock() {
    AtomicInteger mutations = new AtomicInteger();
    StackReconciler.Pass stalled =
        (id, force, fence) -> {
          fence.check();
          mutations.incrementAndGet();
          // The process stalls: by its own clock the lease is about to expire, no beat confirmed.
          clock.advance(TTL);
          fence.check();
          mutations.incrementAndGet();
          return ReconcileResult.of(id, ReconcileResult.Path.FULL, List.of());
        };

    assertThatThrownBy(
            () -> new StackReconciler(leases, stalled, config, clock).reconcile(ECHO, false))
        .isInstanceOf(LeaseLostException.class);

    assertThat(mutations).hasValue(1);
    assertThat(rawLease()).as("released on the way out").isEmpty();
  }

  @Test
  void aHolderThatDiedBlocksTheStackForOneTtlAndIsNamedMeanwhile() {
    leases.acquire(ECHO, "reconcile/killed", TTL); // never released, no heartbeat
    AtomicInteger runs = new AtomicInteger();
    StackReconciler reconciler =
        new StackReconciler(
            leases,
            (id, force, fence) -> {
              runs.incrementAndGet();
              return ReconcileResult.of(id, ReconcileResult.Path.FULL, List.of());
            },
            config,
            clock);

    ReconcileResult busy = reconciler.reconcile(ECHO, false);
    clock.advance(TTL);
    ReconcileResult after = reconciler.reconcile(ECHO, false);

    assertThat(busy.path()).isEqualTo(ReconcileResult.Path.BUSY);
    assertThat(busy.error())
        .contains("reconcile/killed")
        .contains(clock.instant().toString()); // held until then
    assertThat(after.path()).isEqualTo(ReconcileResult.Path.FULL);
    assertThat(runs).hasValue(1);
  }

  private void takeOver(String owner) {
    Map<String, AttributeValue> item = new HashMap<>(rawLease());
    item.put("owner", AttributeValue.fromS(owner));
    item.put("token", AttributeValue.fromS("their-token"));
    DynamoDbLocal.client().putItem(b -> b.tableName(table).item(item));
  }

  private Instant leaseUntil() {
    Map<String, AttributeValue> item = rawLease();
    return item.isEmpty()
        ? Instant.MIN
        : Instant.ofEpochMilli(Long.parseLong(item.get("leaseUntil").n()));
  }

  private Map<String, AttributeValue> rawLease() {
    return DynamoDbLocal.client()
        .getItem(
            b ->
                b.tableName(table)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("prod#lease"),
                            "sk", AttributeValue.fromS(ECHO.value())))
                    .consistentRead(true))
        .item();
  }

  /** Waits for something the heartbeat thread does; fails after 10 s. */
  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 10 s for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
