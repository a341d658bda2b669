package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.PodConditions;
import dev.lbr.forwarder.publish.ForwarderMetrics;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.k8s.Json;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies target health to pods' readiness gates ({@link PodConditions}), as LBC's {@code
 * updateTargetHealthPodConditionForPod}: for each pod, reads it and patches its {@code /status}
 * with the gate's condition, a strategic merge patch (the other conditions, the kubelet's, stay)
 * with the pod's uid as precondition. Skipped: a pod gone, a pod of that name with another uid (a
 * re-created one), a pod without that gate, and a pod whose condition already has the status,
 * reason and message. {@code lastTransitionTime} is now when the status flips (or the condition is
 * new), else kept. A patch answered 404 or 409 (the pod went, or was re-created, meanwhile) is
 * skipped too; any other failure is thrown, and the message is delivered again (every write here is
 * idempotent).
 */
public final class PodConditionWriter {

  /**
   * What became of a message: how many pods were patched, already carried the condition, or were
   * skipped (gone, another pod of that name, no such gate, or a newer check already applied);
   * {@code otherCluster} when it was another cluster's (then nothing was done).
   */
  public record Applied(boolean otherCluster, int patched, int unchanged, int skipped) {}

  private enum Result {
    PATCHED,
    UNCHANGED,
    SKIPPED
  }

  private final KubeRest kube;
  private final String cluster;
  private final Clock clock;
  private final ForwarderMetrics metrics;

  static final int REMEMBERED = 4096;

  /** {@code uid conditionType} → the checkedAt of the last check applied; LRU, one thread. */
  private final Map<String, Long> lastChecked =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > REMEMBERED;
        }
      };

  public PodConditionWriter(KubeRest kube, String cluster, Clock clock, ForwarderMetrics metrics) {
    this.kube = kube;
    this.cluster = cluster;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Applies {@code m}; throws {@link KubeApiException} when a read or a patch failed. */
  public synchronized Applied apply(PodConditions m) {
    if (!cluster.equals(m.cluster())) {
      return new Applied(true, 0, 0, 0);
    }
    int[] counts = new int[Result.values().length];
    for (PodConditions.Pod pod : m.pods()) {
      counts[apply(m, pod).ordinal()]++;
    }
    return new Applied(
        false,
        counts[Result.PATCHED.ordinal()],
        counts[Result.UNCHANGED.ordinal()],
        counts[Result.SKIPPED.ordinal()]);
  }

  private Result apply(PodConditions m, PodConditions.Pod pod) {
    String key = pod.uid() + " " + pod.conditionType();
    Long applied = lastChecked.get(key);
    if (applied != null && m.checkedAt() < applied) {
      return Result.SKIPPED; // a newer check was applied already
    }
    Result result = write(m, pod);
    if (result != Result.SKIPPED) {
      lastChecked.put(key, m.checkedAt());
    }
    return result;
  }

  private Result write(PodConditions m, PodConditions.Pod pod) {
    Optional<ObjectNode> live = kube.get(ApiResource.PODS.item(pod.namespace(), pod.name()));
    if (live.isEmpty()
        || !live.get().path("metadata").path("uid").asText().equals(pod.uid())
        || !hasGate(live.get(), pod.conditionType())) {
      return Result.SKIPPED;
    }
    JsonNode existing = condition(live.get(), pod.conditionType());
    if (existing != null
        && text(existing, "status").equals(pod.status())
        && text(existing, "reason").equals(nullToEmpty(pod.reason()))
        && text(existing, "message").equals(nullToEmpty(pod.message()))) {
      return Result.UNCHANGED;
    }
    boolean flips = existing == null || !text(existing, "status").equals(pod.status());
    String since =
        flips
            ? clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()
            : text(existing, "lastTransitionTime");
    try {
      kube.strategicMergePatch(
          ApiResource.PODS.status(pod.namespace(), pod.name()), patch(pod, since));
    } catch (KubeApiException e) {
      if (e.notFound() || e.conflict()) {
        return Result.SKIPPED; // gone, or re-created with another uid, since it was read
      }
      throw e;
    }
    long sinceCheck = Math.max(0, clock.millis() - m.checkedAt());
    metrics.podConditionPatched(sinceCheck);
    JsonLog.info(
        "pod condition patched",
        "pod",
        pod.namespace() + "/" + pod.name(),
        "conditionType",
        pod.conditionType(),
        "status",
        pod.status(),
        "reason",
        nullToEmpty(pod.reason()),
        "stack",
        m.stack(),
        "sinceCheckMs",
        sinceCheck);
    return Result.PATCHED;
  }

  /**
   * {@code {"metadata":{"uid"},"status":{"conditions":[the condition]}}}: the uid is a precondition
   * (409 if the pod is another one by now); the conditions merge by type.
   */
  static ObjectNode patch(PodConditions.Pod pod, String lastTransitionTime) {
    ObjectNode patch = Json.mapper().createObjectNode();
    patch.putObject("metadata").put("uid", pod.uid());
    ObjectNode condition = patch.putObject("status").putArray("conditions").addObject();
    condition.put("type", pod.conditionType());
    condition.put("status", pod.status());
    condition.put("reason", nullToEmpty(pod.reason()));
    condition.put("message", nullToEmpty(pod.message()));
    if (!lastTransitionTime.isEmpty()) {
      condition.put("lastTransitionTime", lastTransitionTime);
    }
    return patch;
  }

  private static boolean hasGate(JsonNode pod, String conditionType) {
    for (JsonNode gate : pod.path("spec").path("readinessGates")) {
      if (conditionType.equals(gate.path("conditionType").asText())) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode condition(JsonNode pod, String type) {
    for (JsonNode c : pod.path("status").path("conditions")) {
      if (type.equals(c.path("type").asText())) {
        return c;
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText("");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
