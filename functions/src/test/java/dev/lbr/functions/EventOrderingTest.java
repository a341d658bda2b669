package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.Events;
import dev.lbr.event.Operation;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events delivered twice, or out of order, never move the state backwards. */
class EventOrderingTest {
  private static final Path SCENARIO = Harness.scenario("01-echo-nlb");

  @Test
  void anOlderEndpointSliceArrivingLateIsIgnored() {
    Harness h = new Harness();
    h.step(SCENARIO.resolve("step1.yaml"));
    String newer = sliceEvent(h, "step3.yaml");
    String older = sliceEvent(h, "step2.yaml");

    Harness.send(h.targets, List.of(newer));
    var late = Harness.send(h.targets, List.of(older));

    assertThat(late.batchItemFailures()).isEmpty();
    assertThat(h.differences(SCENARIO.resolve("step3.expected.json"))).isEmpty();
  }

  @Test
  void aDuplicatedBatchChangesNothing() {
    Harness h = new Harness();
    h.step(SCENARIO.resolve("step1.yaml"));
    String scaleDown = sliceEvent(h, "step2.yaml");

    Harness.send(h.targets, List.of(scaleDown, scaleDown));
    var again = Harness.send(h.targets, List.of(scaleDown));

    assertThat(again.batchItemFailures()).isEmpty();
    assertThat(h.differences(SCENARIO.resolve("step2.expected.json"))).isEmpty();
  }

  @Test
  void aServiceUpsertOlderThanItsDeletionDoesNotResurrectTheLoadBalancer() {
    Harness h = new Harness();
    List<K8sObject> step1 = h.objects(SCENARIO.resolve("step1.yaml"));
    h.step(SCENARIO.resolve("step1.yaml"));
    h.step(SCENARIO.resolve("step4.yaml"));

    String staleUpsert =
        Events.envelope(Harness.CLUSTER, step1.get(0), Operation.UPSERT, Instant.EPOCH);
    var response = Harness.send(h.reconcile, List.of(staleUpsert));

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(h.differences(SCENARIO.resolve("step4.expected.json"))).isEmpty();
  }

  private static String sliceEvent(Harness h, String step) {
    K8sObject slice =
        h.objects(SCENARIO.resolve(step)).stream()
            .filter(o -> o instanceof K8sEndpointSlice)
            .findFirst()
            .orElseThrow();
    return Events.envelope(Harness.CLUSTER, slice, Operation.UPSERT, Instant.EPOCH);
  }
}
