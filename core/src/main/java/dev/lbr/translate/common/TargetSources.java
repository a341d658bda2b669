package dev.lbr.translate.common;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sNode;
import dev.lbr.k8s.K8sService;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The targets of target groups from their {@link TargetSource}s and the endpoints as they are now:
 * the one place a spec's target groups meet EndpointSlices and Nodes. The builders resolve the
 * sources of the spec they build; a pass that refuses a new spec resolves the last valid one's.
 * Pure.
 */
public final class TargetSources {
  private TargetSources() {}

  /**
   * @param slices the EndpointSlices by {@code namespace/service} (absent: none)
   * @param nodes the cluster's live Nodes (instance sources)
   */
  public static Map<String, Set<Target>> resolve(
      Map<String, TargetSource> sources,
      Map<String, List<K8sEndpointSlice>> slices,
      List<K8sNode> nodes) {
    Map<String, Set<Target>> targets = new TreeMap<>();
    sources.forEach(
        (resourceId, source) ->
            targets.put(
                resourceId,
                source.instance()
                    ? NodeTargets.targets(nodes, source.nodeLabels(), source.nodePort())
                    : pods(source, slices.getOrDefault(source.serviceKey(), List.of()))));
    return targets;
  }

  /** The source of an ip target group serving {@code port} of a Service. */
  public static TargetSource pods(K8sService svc, K8sService.Port port, String ipAddressType) {
    return TargetSource.pods(
        svc.metadata().namespace(),
        svc.metadata().name(),
        port.name(),
        port.protocol(),
        port.effectiveTargetPort(),
        ipAddressType);
  }

  private static Set<Target> pods(TargetSource source, List<K8sEndpointSlice> slices) {
    K8sService.Port port =
        new K8sService.Port(source.portName(), source.protocol(), 0, source.targetPort(), null);
    return new EndpointResolver(source.namespace(), source.service(), slices)
        .targets(port, source.ipAddressType());
  }
}
