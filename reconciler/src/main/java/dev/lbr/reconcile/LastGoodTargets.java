package dev.lbr.reconcile;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.Kind;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import dev.lbr.state.SnapshotStore;
import dev.lbr.translate.common.TargetSources;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The targets of the last valid spec's target groups (its {@link TargetSource}s, kept in the
 * checkpoint) from the endpoints as stored now: what a pass registers while it refuses a newer
 * spec. Reads the EndpointSlices of the Services those sources name, and the Nodes when one is an
 * instance target group, whatever the new spec references.
 */
final class LastGoodTargets {
  private LastGoodTargets() {}

  static Map<String, Set<Target>> of(SnapshotStore store, Map<String, TargetSource> sources) {
    Map<String, List<K8sEndpointSlice>> slices = new TreeMap<>();
    boolean instance = false;
    for (TargetSource s : sources.values()) {
      if (s.instance()) {
        instance = true;
      } else {
        slices.computeIfAbsent(
            s.serviceKey(), k -> GatedSlices.of(store, s.namespace(), s.service()));
      }
    }
    List<K8sNode> nodes =
        instance
            ? store.liveObjects(Kind.NODE).stream().map(K8sNode.class::cast).toList()
            : List.of();
    return TargetSources.resolve(sources, slices, nodes);
  }
}
