package dev.lbr.reconcile;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sPod;
import dev.lbr.state.SnapshotStore;
import dev.lbr.translate.common.ReadinessGates;
import java.util.List;

/**
 * A Service's EndpointSlices as target resolution sees them: with the endpoints held back only by a
 * readiness gate taken as ready ({@link ReadinessGates#registrable}). Reads a pod only for an
 * endpoint that is not ready, so a Service without unready endpoints costs no extra read.
 */
final class GatedSlices {
  private GatedSlices() {}

  static List<K8sEndpointSlice> of(SnapshotStore store, String namespace, String service) {
    List<K8sEndpointSlice> slices = store.endpointSlices(namespace, service);
    if (!ReadinessGates.anyNotReady(slices)) {
      return slices;
    }
    return ReadinessGates.registrable(
        slices, key -> store.get(key).filter(K8sPod.class::isInstance).map(K8sPod.class::cast));
  }
}
