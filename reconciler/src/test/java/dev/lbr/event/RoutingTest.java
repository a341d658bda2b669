package dev.lbr.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.lbr.reconcile.ReconcilerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {
  private final Routing routing = Routing.of("kind");

  @Test
  void everyDetailTypeTravelsOnExactlyOneRoute() {
    List<String> routed = new ArrayList<>();
    routing.routes().forEach(r -> routed.addAll(r.detailTypes()));
    assertThat(routed).containsExactlyInAnyOrderElementsOf(EventContract.detailTypes());
    assertThat(routing.routeOf("EndpointSlice").id()).isEqualTo(Routing.TARGETS);
    assertThat(routing.routeOf("Service").id()).isEqualTo(Routing.RECONCILE);
    assertThat(routing.routeOf("Inventory").id()).isEqualTo(Routing.RECONCILE);
  }

  @Test
  void eachRouteNamesItsHandlerAndItsQueue() {
    assertThat(routing.routes())
        .extracting(Routing.Route::id, Routing.Route::handlerClass, r -> r.queue().name())
        .containsExactly(
            tuple("reconcile", "dev.lbr.functions.ReconcileHandler", "lbr-kind-reconcile"),
            tuple("targets", "dev.lbr.functions.TargetsHandler", "lbr-kind-targets"));
    assertThat(routing.busName()).isEqualTo("lbr-kind");
  }

  @Test
  void thePatternMatchesTheForwarderTheDetailTypeAndTheCluster() {
    assertThat(routing.pattern("Service").toJson())
        .isEqualTo(
            "{\"detail\":{\"cluster\":[\"kind\"]},\"detail-type\":[\"Service\"],"
                + "\"source\":[\"lbr.forwarder\"]}");
  }

  @Test
  void routeQueuesOutlastTheLeaseAndDeadLetterAfterFiveReceives() {
    Duration lease = ReconcilerConfig.defaults("kind").leaseTtl();
    for (Routing.Route route : routing.routes()) {
      assertThat(route.queue().visibilityTimeout()).isGreaterThan(lease);
      assertThat(route.queue().maxReceiveCount()).isEqualTo(5);
      assertThat(route.queue().deadLetterName()).isEqualTo(route.queue().name() + "-dlq");
    }
  }

  @Test
  void theStatusQueueMayBeRenamedKeepingItsSettings() {
    Routing renamed = routing.withStatusQueueName("results");
    assertThat(routing.statusQueue().name()).isEqualTo("lbr-kind-status");
    assertThat(renamed.statusQueue().name()).isEqualTo("results");
    assertThat(renamed.statusQueue().deadLetterName()).isEqualTo("results-dlq");
    assertThat(renamed.statusQueue().maxReceiveCount())
        .isEqualTo(routing.statusQueue().maxReceiveCount());
    assertThat(renamed.routes()).isEqualTo(routing.routes());
  }
}
