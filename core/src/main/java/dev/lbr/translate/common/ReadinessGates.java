package dev.lbr.translate.common;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sPod;
import dev.lbr.k8s.K8sService;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.Target;
import dev.lbr.model.TargetHealth;
import dev.lbr.model.TargetSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Pod readiness gates ({@code target-health.elbv2.k8s.aws/<binding>}), the pure part. A gated pod
 * stays not Ready, so its endpoint stays not ready, until its target is healthy in the load
 * balancer: it must be registered before it is Ready, or it never would be. As LBC's endpoint
 * resolver does, an endpoint that is not ready and not terminating counts as a target when its
 * pod's containers are all ready ({@code ContainersReady}); lbr knows only the pods that carry a
 * target-health gate (the forwarder sends no others), so only those are registered early.
 */
public final class ReadinessGates {
  private ReadinessGates() {}

  /**
   * The slices as target resolution sees them: an endpoint not ready only because of a gate (not
   * terminating, its pod known, gated and with its containers ready) is taken as ready.
   *
   * @param pods the stored gated pod of a key, if any
   */
  public static List<K8sEndpointSlice> registrable(
      List<K8sEndpointSlice> slices, Function<ObjectKey, Optional<K8sPod>> pods) {
    List<K8sEndpointSlice> out = new ArrayList<>(slices.size());
    for (K8sEndpointSlice slice : slices) {
      boolean changed = false;
      List<K8sEndpointSlice.Endpoint> endpoints = new ArrayList<>(slice.endpoints().size());
      for (K8sEndpointSlice.Endpoint e : slice.endpoints()) {
        if (heldByGate(slice, e, pods)) {
          K8sEndpointSlice.Conditions c = e.conditions();
          endpoints.add(
              new K8sEndpointSlice.Endpoint(
                  e.addresses(),
                  new K8sEndpointSlice.Conditions(true, c.serving(), c.terminating()),
                  e.nodeName(),
                  e.zone(),
                  e.targetRef()));
          changed = true;
        } else {
          endpoints.add(e);
        }
      }
      out.add(
          changed
              ? new K8sEndpointSlice(
                  slice.metadata(), slice.addressType(), slice.ports(), endpoints)
              : slice);
    }
    return List.copyOf(out);
  }

  /** Whether any endpoint of the slices is not ready (only then are pods worth reading). */
  public static boolean anyNotReady(List<K8sEndpointSlice> slices) {
    return slices.stream()
        .flatMap(s -> s.endpoints().stream())
        .anyMatch(e -> Boolean.FALSE.equals(e.conditions().ready()));
  }

  private static boolean heldByGate(
      K8sEndpointSlice slice,
      K8sEndpointSlice.Endpoint e,
      Function<ObjectKey, Optional<K8sPod>> pods) {
    if (!Boolean.FALSE.equals(e.conditions().ready())
        || Boolean.TRUE.equals(e.conditions().terminating())
        || e.targetRef() == null
        || !"Pod".equals(e.targetRef().kind())) {
      return false;
    }
    return pods.apply(podKey(slice, e.targetRef()))
        .filter(K8sPod::hasTargetHealthGate)
        .filter(K8sPod::containersReady)
        .isPresent();
  }

  /** The key of the pod an endpoint refers to (its namespace defaults to the slice's). */
  public static ObjectKey podKey(K8sEndpointSlice slice, K8sEndpointSlice.TargetRef ref) {
    String ns = ref.namespace() != null ? ref.namespace() : slice.metadata().namespace();
    return new ObjectKey(Kind.POD, ns, ref.name());
  }

  /** The pod behind each ip target of the source, from (registrable) slices. */
  public static SortedMap<Target, ObjectKey> podsByTarget(
      TargetSource source, List<K8sEndpointSlice> slices) {
    K8sService.Port port =
        new K8sService.Port(source.portName(), source.protocol(), 0, source.targetPort(), null);
    return new EndpointResolver(source.namespace(), source.service(), slices)
        .pods(port, source.ipAddressType());
  }

  /**
   * The targets of the source held back only by a gate, with their pods: those the registrable view
   * adds to the slices. A pod whose endpoint is ready is Ready, so its gates are True already: it
   * is not looked up.
   */
  public static SortedMap<Target, ObjectKey> heldBack(
      TargetSource source,
      List<K8sEndpointSlice> slices,
      Function<ObjectKey, Optional<K8sPod>> pods) {
    if (!anyNotReady(slices)) {
      return Collections.emptySortedMap();
    }
    SortedMap<Target, ObjectKey> held =
        new TreeMap<>(podsByTarget(source, registrable(slices, pods)));
    held.keySet().removeAll(podsByTarget(source, slices).keySet());
    return held;
  }

  /**
   * The gate's condition for a target's health (LBC's {@code calculateReadinessGateTransition}):
   * {@code True} only when healthy, else {@code False} with ELBv2's reason and description.
   */
  public static Condition condition(TargetHealth health) {
    return health.healthy()
        ? new Condition("True", "", "")
        : new Condition("False", health.reason(), health.description());
  }

  /** The readiness gate's condition: status, reason, message. */
  public record Condition(String status, String reason, String message) {}

  /** The condition type of a target group's gate: named after its binding. */
  public static String gate(String bindingName) {
    return K8sPod.gateFor(bindingName);
  }

  /** Targets whose pods need their gate checked, with their pods. */
  public static Map<Target, ObjectKey> awaiting(
      SortedMap<Target, ObjectKey> podsByTarget,
      String gate,
      Function<ObjectKey, Optional<K8sPod>> pods) {
    Map<Target, ObjectKey> out = new TreeMap<>();
    podsByTarget.forEach(
        (target, key) ->
            pods.apply(key)
                .filter(p -> p.hasGate(gate))
                .filter(p -> !p.condition(gate).map("True"::equals).orElse(false))
                .ifPresent(p -> out.put(target, key)));
    return out;
  }
}
