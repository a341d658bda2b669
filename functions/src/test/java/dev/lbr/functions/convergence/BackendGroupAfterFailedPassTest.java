package dev.lbr.functions.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.functions.convergence.Faults.Fault;
import dev.lbr.functions.convergence.Faults.Type;
import dev.lbr.functions.convergence.KubeWorld.Action;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Service's first pass creates the cluster's backend group and fails at any call after that
 * (crash or lost reply); the Service is deleted before a retry succeeds. Whatever the call, the
 * deletion takes the backend group with it. The delete arrives once the queue's visibility timeout
 * has passed, so a crashed pass's lease no longer blocks it (that exemption is {@link
 * ConvergenceRun}'s).
 */
class BackendGroupAfterFailedPassTest extends OnSharedVpc {
  private static final Duration VISIBILITY_TIMEOUT = Duration.ofMinutes(9);
  private static final List<Action> CREATE_THEN_DELETE =
      List.of(new Action.PutService(0, 0), new Action.DeleteService(0, false));

  @Test
  void aDeletionAfterAFirstPassCutShortAtAnyCallLeavesNoBackendGroup() {
    int calls = callsOfTheCreatePass();
    List<String> failures = new ArrayList<>();
    for (int call = 0; call < calls; call++) {
      for (Type type : Type.values()) {
        List<String> problems = createFailingAtThenDelete(new Fault(type, call));
        if (!problems.isEmpty()) {
          failures.add(type + "@" + call + ": " + problems);
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static int callsOfTheCreatePass() {
    String cluster = "cvbg" + System.nanoTime();
    Faults none = new Faults(List.of(), cluster);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    try (FunctionsUnderTest f = new FunctionsUnderTest(cluster, vpcId, clock, none)) {
      List<Delivery.Batch> inOrder = schedule(cluster);
      assertThat(f.deliver(inOrder.get(0))).isEmpty();
      return none.calls();
    }
  }

  /** The oracle's problems once the create failed at the fault, the delete and retries came. */
  private static List<String> createFailingAtThenDelete(Fault fault) {
    String cluster = "cvbg" + System.nanoTime();
    Faults faults = new Faults(List.of(fault), cluster);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    try (FunctionsUnderTest f = new FunctionsUnderTest(cluster, vpcId, clock, faults);
        FunctionsUnderTest reference =
            new FunctionsUnderTest(
                cluster + "ref", vpcId, new MutableClock(clock.instant()), null)) {
      List<Delivery.Batch> inOrder = schedule(cluster);
      List<Delivery.Message> failed = new ArrayList<>(f.deliver(inOrder.get(0)));
      faults.disarm();
      clock.advance(VISIBILITY_TIMEOUT);
      failed.addAll(f.deliver(inOrder.get(1)));
      clock.advance(VISIBILITY_TIMEOUT);
      for (Delivery.Message m : failed) {
        f.deliver(new Delivery.Batch(m.route(), List.of(m)));
      }
      KubeWorld.History history = KubeWorld.play(CREATE_THEN_DELETE);
      Delivery.relist(cluster, history).forEach(f::deliver);
      Delivery.relist(reference.cluster, history).forEach(reference::deliver);
      return Oracle.problems(f, reference, test);
    }
  }

  private static List<Delivery.Batch> schedule(String cluster) {
    List<Delivery.Batch> inOrder =
        Delivery.schedule(cluster, KubeWorld.play(CREATE_THEN_DELETE), List.of(), List.of());
    assertThat(inOrder).as("the create, then the delete").hasSize(2);
    return inOrder;
  }
}
