package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.StackId;
import dev.lbr.reconcile.ReconcilerConfig;
import dev.lbr.state.Acquisition;
import dev.lbr.state.DynamoLeaseStore;
import dev.lbr.state.Lease;
import dev.lbr.testing.DynamoDbLocalServer;
import dev.lbr.testing.ReplyDropper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The stack lease under faults, through the reconcile function: a lost DynamoDB reply, a holder
 * killed mid-pass, a pass that stalled past its lease.
 */
class LeaseRecoveryTest {
  private static final Path SCENARIO = Harness.scenario("01-echo-nlb");
  private static final StackId STACK = StackId.service("default", "svc-nlb-ip-type");
  private static final Duration TTL = ReconcilerConfig.LEASE_TTL;

  @Test
  void aLostReplyToTheLeaseWriteDoesNotMakeTheStackBusy() {
    try (ReplyDropper proxy = new ReplyDropper(DynamoDbLocalServer.endpoint());
        var dynamo = DynamoDbLocalServer.client(proxy.endpoint())) {
      Harness h = new Harness(dynamo, DynamoDbLocalServer.freshTable(dynamo));
      proxy.dropNextReplyTo("DynamoDB_20120810.PutItem", Harness.CLUSTER + "#lease");

      var response = h.step(SCENARIO.resolve("step1.yaml"));

      assertThat(proxy.dropped()).as("the lease write happened, its reply was lost").isEqualTo(1);
      assertThat(proxy.matchingRequests()).as("and it was retried").isGreaterThanOrEqualTo(2);
      assertThat(response.batchItemFailures()).isEmpty();
      assertThat(h.differences(SCENARIO.resolve("step1.expected.json"))).isEmpty();
      assertThat(leases(h).acquire(STACK, "next", TTL))
          .as("released, not left behind")
          .isInstanceOf(Acquisition.Taken.class);
    }
  }

  @Test
  void aHolderKilledMidPassStopsBlockingWithinTheLeaseTtl() {
    CrashAfter crash = new CrashAfter();
    Harness h = new Harness(crash);
    crash.arm(2);
    assertThat(h.step(SCENARIO.resolve("step1.yaml")).batchItemFailures()).isNotEmpty();
    // kill -9 at that point: the lease stays (no release, no heartbeat any more).
    leases(h).acquire(STACK, "reconcile/killed", TTL);

    var whileHeld = h.step(SCENARIO.resolve("step1.yaml"));
    assertThat(whileHeld.batchItemFailures()).as("busy is not a failure").isEmpty();
    assertThat(h.differences(SCENARIO.resolve("step1.expected.json")))
        .as("nothing done while the dead holder's lease lasts")
        .isNotEmpty();

    h.clock.advance(TTL);
    var after = h.step(SCENARIO.resolve("step1.yaml"));

    assertThat(after.batchItemFailures()).isEmpty();
    assertThat(h.differences(SCENARIO.resolve("step1.expected.json"))).isEmpty();
  }

  @Test
  void aPassThatStalledPastItsLeaseMakesNoFurtherMutatingCall() {
    StallAndLoseLease stall = new StallAndLoseLease();
    Harness h = new Harness(stall);
    stall.harness = h;
    stall.arm(2);

    var response = h.step(SCENARIO.resolve("step1.yaml"));

    assertThat(stall.successor).as("the lease was taken over during the stall").isNotNull();
    assertThat(stall.callsAfterTakeover).as("mutating calls begun after it").isZero();
    assertThat(response.batchItemFailures()).as("retryable failure").isNotEmpty();
    Acquisition now = leases(h).acquire(STACK, "probe", TTL);
    assertThat(now).isInstanceOf(Acquisition.Held.class);
    assertThat(((Acquisition.Held) now).owner()).as("left alone").isEqualTo("successor");

    while (!leases(h).release(stall.successor, TTL)) {
      // the probe marked it dirty: the successor would run again, then release
    }
    assertThat(h.step(SCENARIO.resolve("step1.yaml")).batchItemFailures()).isEmpty();
    assertThat(h.differences(SCENARIO.resolve("step1.expected.json"))).isEmpty();
  }

  private static DynamoLeaseStore leases(Harness h) {
    return new DynamoLeaseStore(h.dynamo, h.table, Harness.CLUSTER, h.clock);
  }

  /**
   * At the n-th mutating ELBv2/EC2 call the pass stalls (a long GC pause, a frozen host): its lease
   * runs out by the clock and another owner takes it. Counts the mutating calls begun afterwards.
   */
  private static final class StallAndLoseLease implements ExecutionInterceptor {
    Harness harness;
    int remaining = -1;
    Lease successor;
    int callsAfterTakeover;

    void arm(int calls) {
      remaining = calls;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase();
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      boolean mutating =
          (service.contains("elasticloadbalancing") || service.equals("ec2"))
              && !operation.startsWith("Describe");
      if (!mutating) {
        return;
      }
      if (successor != null) {
        callsAfterTakeover++;
      } else if (remaining == 0) {
        while (successor == null) { // a heartbeat may win a round; the stall goes on
          harness.clock.advance(TTL.plusSeconds(1));
          if (leases(harness).acquire(STACK, "successor", TTL) instanceof Acquisition.Taken t) {
            successor = t.lease();
          }
        }
      } else if (remaining > 0) {
        remaining--;
      }
    }
  }
}
