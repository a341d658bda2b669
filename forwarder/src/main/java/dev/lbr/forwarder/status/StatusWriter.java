package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Member;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.forwarder.ForwarderOptions.BindingsSetting;
import dev.lbr.forwarder.publish.JsonLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies a stack result to the cluster: finalizers, status and condition, events on each served
 * object; releases the objects that carry the stack's finalizer but are no longer served; keeps the
 * stack's TargetGroupBindings. A binding stack's one member is the user's TargetGroupBinding: it
 * gets LBC's binding finalizer, {@code status.observedGeneration} and events, and no binding of
 * lbr's is ever written for it. Results of another cluster, and results whose sequence is not above
 * the last one applied for their stack, are dropped. Every write is idempotent, so a result applied
 * twice (a redelivery) changes nothing the second time but an event's count.
 */
public final class StatusWriter {

  /** What became of a result; all but a thrown exception mean "done with this message". */
  public enum Applied {
    APPLIED,
    STALE,
    OTHER_CLUSTER,
    INVALID
  }

  private final KubeRest kube;
  private final String cluster;
  private final List<String> namespaces;
  private final EventRecorder events;
  private final TargetGroupBindings bindings;
  private final Clock clock;
  private final Map<String, Long> lastApplied = new ConcurrentHashMap<>();

  /**
   * @param namespaces the watched namespaces (all when empty): where an IngressGroup's released
   *     members and the stacks' TargetGroupBindings are looked for
   * @param instance this replica's name, the events' {@code reportingInstance}
   */
  public StatusWriter(
      KubeRest kube,
      String cluster,
      List<String> namespaces,
      BindingsSetting bindings,
      String instance,
      Clock clock) {
    this.kube = kube;
    this.cluster = cluster;
    this.namespaces = List.copyOf(namespaces);
    this.events = new EventRecorder(kube, instance, clock);
    this.bindings =
        new TargetGroupBindings(kube, new BindingsMode(bindings, kube, clock), namespaces);
    this.clock = clock;
  }

  /** Applies {@code r}; throws {@link KubeApiException} when the API refused or failed a write. */
  public synchronized Applied apply(StackResult r) {
    if (!cluster.equals(r.cluster())) {
      return Applied.OTHER_CLUSTER;
    }
    Long last = lastApplied.get(r.stack());
    if (last != null && r.sequence() <= last) {
      return Applied.STALE;
    }
    StackRef stack;
    try {
      stack = StackRef.parse(r.stack());
    } catch (IllegalArgumentException e) {
      return Applied.INVALID;
    }
    ApiResource kind = stack.members();
    Set<String> served = new HashSet<>();
    // DELETED serves nothing: every object with the stack's finalizer is released
    List<Member> members = r.outcome() == Outcome.DELETED ? List.of() : r.objects();
    for (Member m : members) {
      if (kind.kind().equals(m.kind())) {
        served.add(m.namespace() + "/" + m.name());
        kube.get(kind.item(m.namespace(), m.name())).ifPresent(o -> serve(stack, r, m, o));
      }
    }
    for (ObjectNode o : candidates(stack)) {
      JsonNode meta = o.path("metadata");
      String key = meta.path("namespace").asText() + "/" + meta.path("name").asText();
      if (!served.contains(key) && Finalizers.has(o, stack.finalizer()) && !lbrsOwn(stack, o)) {
        release(stack, o);
      }
    }
    if (!stack.binding()) {
      bindings.sync(stack, r);
    }
    lastApplied.merge(r.stack(), r.sequence(), Math::max);
    return Applied.APPLIED;
  }

  private void serve(StackRef stack, StackResult r, Member m, ObjectNode live) {
    ApiResource kind = stack.members();
    if (lbrsOwn(stack, live)) {
      return;
    }
    String uid = live.path("metadata").path("uid").asText();
    if (m.uid() != null && !m.uid().isEmpty() && !m.uid().equals(uid)) {
      JsonLog.info(
          "result is about a former object of this name", "stack", r.stack(), "object", m.name());
      return;
    }
    ObjectNode o = live;
    if (StackResult.HOLDS_RESOURCES.contains(r.outcome())) {
      o = kube.update(kind, o, false, x -> Finalizers.adding(x, stack.finalizer())).orElse(null);
    }
    if (o == null || r.outcome() == Outcome.DELETED) {
      return;
    }
    o =
        kube.update(
                kind, o, true, x -> StatusPatch.served(kind, x, r, m.generation(), clock.instant()))
            .orElse(null);
    if (o != null) {
      boolean ok = r.outcome() == Outcome.RECONCILED;
      events.record(
          kind, o, ok ? "Normal" : "Warning", ResultText.reason(r), ResultText.message(r));
      for (StackResult.Warning w : r.warnings()) {
        events.record(kind, o, "Warning", w.reason(), w.message());
      }
    }
  }

  /** No longer served: address and condition cleared (unless it is going away), finalizer off. */
  private void release(StackRef stack, ObjectNode o) {
    ApiResource kind = stack.members();
    ObjectNode current = o;
    if (!Finalizers.deleting(o)) {
      current = kube.update(kind, o, true, x -> StatusPatch.released(kind, x)).orElse(null);
    }
    if (current != null) {
      kube.update(kind, current, false, x -> Finalizers.removing(x, stack.finalizer()::equals));
      JsonLog.info(
          "released",
          "stack",
          stack.id(),
          "object",
          o.path("metadata").path("namespace").asText()
              + "/"
              + o.path("metadata").path("name").asText());
    }
  }

  /**
   * Whether {@code o}, a member of a binding stack, is one of lbr's own TargetGroupBindings (label
   * {@value TargetGroupBindings#MANAGED_BY}={@value TargetGroupBindings#LBR}): output, never input,
   * so a binding stack's result never writes it. A binding stack never names one; logged if it
   * does.
   */
  private static boolean lbrsOwn(StackRef stack, JsonNode o) {
    JsonNode meta = o.path("metadata");
    if (!stack.binding()
        || !TargetGroupBindings.LBR.equals(
            meta.path("labels").path(TargetGroupBindings.MANAGED_BY).asText())) {
      return false;
    }
    JsonLog.warn(
        "a binding stack's result names one of lbr's own TargetGroupBindings, left alone",
        "stack",
        stack.id(),
        "binding",
        meta.path("namespace").asText() + "/" + meta.path("name").asText());
    return true;
  }

  /** The objects that may carry the stack's finalizer. */
  private List<ObjectNode> candidates(StackRef stack) {
    ApiResource kind = stack.members();
    List<ObjectNode> out = new ArrayList<>();
    if (stack.single() != null) {
      String[] nn = stack.single().split("/", 2);
      kube.get(kind.item(nn[0], nn[1])).ifPresent(out::add);
      return out;
    }
    if (namespaces.isEmpty()) {
      out.addAll(kube.list(kind.collection(null), null));
    } else {
      namespaces.forEach(ns -> out.addAll(kube.list(kind.collection(ns), null)));
    }
    out.removeIf(o -> !Finalizers.has(o, stack.finalizer()));
    return out;
  }
}
