package dev.lbr.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.k8s.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventContractTest {

  @Test
  void everyKindHasItsDetailTypeAndTheInventoryComesLast() {
    assertThat(EventContract.detailTypes())
        .containsExactly(
            "Service",
            "EndpointSlice",
            "Ingress",
            "IngressClass",
            "IngressClassParams",
            "Node",
            "TargetGroupBinding",
            "Pod",
            "Inventory");
    for (Kind kind : Kind.values()) {
      assertThat(EventContract.detailType(kind)).isEqualTo(kind.wireName());
    }
  }

  @Test
  void theTwoConsumersSplitTheDetailTypesBetweenThem() {
    List<String> both = new ArrayList<>(EventContract.reconcileDetailTypes());
    both.addAll(EventContract.targetDetailTypes());

    assertThat(both).containsExactlyInAnyOrderElementsOf(EventContract.detailTypes());
    assertThat(EventContract.targetDetailTypes()).containsExactly("EndpointSlice", "Pod");
  }

  @Test
  void theSizeLimitIsEventBridges() {
    assertThat(EventContract.MAX_EVENT_BYTES).isEqualTo(262_144);
    assertThat(EventContract.SUPPORTED_SCHEMA_VERSIONS).contains(EventContract.SCHEMA_VERSION);
  }
}
