package dev.lbr.functions.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.Operation;
import dev.lbr.functions.convergence.KubeWorld.Action;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Ingress delete event without the object whose pass fails is redelivered: the Ingress is
 * already a tombstone by then. The group it left must still be reconciled (its ALB deleted).
 *
 * <p>Found by the convergence suite: the event carries no object and the stored one is already a
 * tombstone, so no group could be derived; the ALB, its target groups and its security group
 * stayed, and the forwarder's re-list could not help (the inventory only looks at live objects).
 * {@code EventProcessor} now wakes every Ingress group it holds state for in that case.
 */
class IngressDeleteRedeliveryTest extends OnSharedVpc {
  @Test
  void aRedeliveredIngressDeleteAfterALostReplyStillRemovesTheAlb() {
    assertThat(deleteRedeliveredAfter(Faults.Type.LOST_REPLY)).isEmpty();
  }

  @Test
  void aRedeliveredIngressDeleteAfterACrashStillRemovesTheAlb() {
    assertThat(deleteRedeliveredAfter(Faults.Type.CRASH)).isEmpty();
  }

  /** The oracle's problems once the delete was redelivered and the forwarder re-listed. */
  private static List<String> deleteRedeliveredAfter(Faults.Type fault) {
    KubeWorld.History history =
        KubeWorld.play(
            List.of(
                new Action.PutService(0, 0),
                new Action.Scale(0, 1),
                new Action.PutIngress(0),
                new Action.DeleteIngress(false)));
    String cluster = "cvdel" + System.nanoTime();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));
    Faults faults = new Faults(List.of(), cluster);
    try (FunctionsUnderTest f = new FunctionsUnderTest(cluster, vpcId, clock, faults);
        FunctionsUnderTest reference =
            new FunctionsUnderTest(
                cluster + "ref", vpcId, new MutableClock(clock.instant()), null)) {
      List<Delivery.Batch> inOrder = Delivery.schedule(cluster, history, List.of(), List.of());
      Delivery.Batch delete = inOrder.get(inOrder.size() - 1);
      assertThat(delete.messages().get(0).label())
          .startsWith(Operation.DELETE.name().toLowerCase());
      for (Delivery.Batch b : inOrder.subList(0, inOrder.size() - 1)) {
        assertThat(f.deliver(b)).isEmpty();
      }
      faults.atNext(fault, "DeleteLoadBalancer");
      assertThat(f.deliver(delete)).as("the pass fails").hasSize(1);
      clock.advance(Duration.ofMinutes(9)); // the queue's visibility timeout
      assertThat(f.deliver(delete)).as("the redelivery succeeds").isEmpty();
      for (Delivery.Batch b : Delivery.relist(cluster, history)) {
        f.deliver(b);
      }
      for (Delivery.Batch b : Delivery.relist(reference.cluster, history)) {
        reference.deliver(b);
      }
      return Oracle.problems(f, reference, test);
    }
  }
}
