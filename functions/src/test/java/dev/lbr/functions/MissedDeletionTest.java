package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.Events;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Service deleted while the forwarder was away: no delete event ever comes, only the next
 * inventory, which no longer lists it. The reconcile function treats it as deleted.
 */
class MissedDeletionTest {

  @Test
  void aServiceMissingFromTheInventoryHasItsNlbRemoved() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);
    assertThat(h.clients.elbv2().describeLoadBalancers(r -> {}).loadBalancers()).hasSize(1);

    String inventory =
        Events.inventory(
            Harness.CLUSTER,
            Instant.parse("2026-11-22T00:05:00Z"),
            "999999",
            Map.of(Kind.SERVICE, List.<ObjectKey>of(), Kind.ENDPOINT_SLICE, List.<ObjectKey>of()));
    var response = Harness.send(h.reconcile, List.of(inventory));

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(h.clients.elbv2().describeLoadBalancers(r -> {}).loadBalancers()).isEmpty();
    assertThat(h.clients.elbv2().describeTargetGroups(r -> {}).targetGroups()).isEmpty();
    assertThat(h.differences(Harness.scenario("01-echo-nlb").resolve("step4.expected.json")))
        .isEmpty();
  }

  @Test
  void anInventoryThatStillListsTheServiceChangesNothing() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);
    var service =
        h.objects(Harness.scenario("01-echo-nlb").resolve("step1.yaml")).stream()
            .filter(o -> o.key().kind() == Kind.SERVICE)
            .findFirst()
            .orElseThrow();

    String inventory =
        Events.inventory(
            Harness.CLUSTER,
            Instant.parse("2026-11-22T00:05:00Z"),
            "999999",
            Map.of(Kind.SERVICE, List.of(service.key())));
    Harness.send(h.reconcile, List.of(inventory));

    assertThat(h.differences(Harness.scenario("01-echo-nlb").resolve("step1.expected.json")))
        .isEmpty();
  }
}
