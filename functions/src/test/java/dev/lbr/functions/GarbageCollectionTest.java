package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.drift.DriftOptions;
import dev.lbr.drift.DriftReport;
import dev.lbr.drift.StackDrift;
import dev.lbr.model.Tags;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

/**
 * Orphans: load balancers tagged for this cluster whose Service or Ingress does not exist. Deleted
 * after the grace period, never an untagged one or another cluster's, and never more than the
 * circuit breaker allows.
 */
class GarbageCollectionTest {

  static DriftOptions gc(Duration grace, int maxDeletes, boolean force) {
    return new DriftOptions(grace, maxDeletes, force, false, 1000, Optional.empty());
  }

  static Map<String, String> owned(String cluster, String stack) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(Tags.CLUSTER, cluster);
    tags.put("service.k8s.aws/stack", stack);
    tags.put("service.k8s.aws/resource", Tags.LOAD_BALANCER_RESOURCE);
    return tags;
  }

  static void loadBalancer(Harness h, String name, Map<String, String> tags) {
    h.clients
        .elbv2()
        .createLoadBalancer(
            r ->
                r.name(name)
                    .type("network")
                    .scheme("internet-facing")
                    .subnets(h.world.publicSubnetIds())
                    .tags(
                        tags.entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                            .toList()));
  }

  static List<String> loadBalancers(Harness h) {
    return h.clients.elbv2().describeLoadBalancers(r -> {}).loadBalancers().stream()
        .map(LoadBalancer::loadBalancerName)
        .sorted()
        .toList();
  }

  static DriftReport run(Harness h, DriftOptions options) {
    return h.lbr.drift().run(options);
  }

  @Test
  void anOrphanIsDeletedAtOnceWithNoGraceAndForeignOrUntaggedLoadBalancersStay() {
    Harness h = new Harness();
    h.playsScenario("01-echo-nlb", 1);
    loadBalancer(h, "orphan", owned(Harness.CLUSTER, "default/ghost"));
    loadBalancer(h, "untagged", Map.of("team", "payments"));
    loadBalancer(h, "other-cluster", owned("other", "default/ghost"));
    loadBalancer(h, "no-cluster-tag", Map.of("service.k8s.aws/stack", "default/ghost"));
    List<String> before = loadBalancers(h);

    DriftReport report = run(h, gc(Duration.ZERO, 5, false));

    assertThat(loadBalancers(h))
        .containsExactlyElementsOf(before.stream().filter(n -> !n.equals("orphan")).toList());
    assertThat(report.counts()).containsEntry("GcDeleted", 1L).containsEntry("StacksDrifted", 0L);
    assertThat(h.differences(Harness.scenario("01-echo-nlb").resolve("step1.expected.json")))
        .as("the live stack is untouched")
        .isEmpty();
  }

  @Test
  void anOrphanWaitsForTheGracePeriodCountedFromItsFirstSighting() {
    Harness h = new Harness();
    loadBalancer(h, "orphan", owned(Harness.CLUSTER, "default/ghost"));

    DriftReport first = run(h, gc(Duration.ofHours(1), 5, false));
    h.clock.advance(Duration.ofMinutes(59));
    DriftReport second = run(h, gc(Duration.ofHours(1), 5, false));

    assertThat(first.count(StackDrift.Outcome.ORPHAN_WAITING)).isEqualTo(1);
    assertThat(second.count(StackDrift.Outcome.ORPHAN_WAITING)).isEqualTo(1);
    assertThat(loadBalancers(h)).containsExactly("orphan");

    h.clock.advance(Duration.ofMinutes(1));
    run(h, gc(Duration.ofHours(1), 5, false));

    assertThat(loadBalancers(h)).isEmpty();
  }

  @Test
  void theCircuitBreakerRefusesARunThatWouldDeleteTooManyLoadBalancers() {
    Harness h = new Harness();
    for (int i = 0; i < 3; i++) {
      loadBalancer(h, "orphan-" + i, owned(Harness.CLUSTER, "default/ghost-" + i));
    }

    DriftReport refused = run(h, gc(Duration.ZERO, 2, false));

    assertThat(refused.breakerTripped()).isTrue();
    assertThat(refused.count(StackDrift.Outcome.REFUSED)).isEqualTo(3);
    assertThat(refused.toText()).contains("circuit breaker");
    assertThat(loadBalancers(h)).hasSize(3);

    DriftReport forced = run(h, gc(Duration.ZERO, 2, true));

    assertThat(forced.counts()).containsEntry("GcDeleted", 3L);
    assertThat(loadBalancers(h)).isEmpty();
  }
}
