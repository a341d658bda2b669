package dev.lbr.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.lbr.k8s.Json;
import java.util.List;

/**
 * Target health for pod readiness gates, as the cluster must see it: the message the AWS side sends
 * to the status queue after checking a stack's target health, and the forwarder applies as pod
 * conditions ({@code pods/status}, with the pod's uid as a precondition). Shares the queue with
 * {@link StackResult}; {@link #kind} tells them apart (a StackResult has none).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind always {@link #KIND}
 * @param cluster the cluster name; the forwarder ignores messages of another cluster
 * @param stack the stack whose target groups were checked ({@code service/ns/name}, ...)
 * @param checkedAt when DescribeTargetHealth answered, epoch milliseconds (the latency measure)
 * @param pods one entry per gated pod of the stack and gate
 */
public record PodConditions(
    int schemaVersion, String kind, String cluster, String stack, long checkedAt, List<Pod> pods) {

  public static final int SCHEMA_VERSION = 1;
  public static final String KIND = "PodConditions";

  @JsonCreator
  public PodConditions {
    pods = pods == null ? List.of() : List.copyOf(pods);
  }

  public PodConditions(String cluster, String stack, long checkedAt, List<Pod> pods) {
    this(SCHEMA_VERSION, KIND, cluster, stack, checkedAt, pods);
  }

  /**
   * The condition one pod should carry (LBC's {@code updateTargetHealthPodConditionForPod}).
   *
   * @param namespace the pod's namespace
   * @param name the pod's name
   * @param uid the pod's uid: the patch's precondition, so a re-created pod of the same name is
   *     never marked with its predecessor's health
   * @param conditionType {@code target-health.elbv2.k8s.aws/<binding>}
   * @param status {@code True} only when the target is {@code healthy}; {@code False} otherwise
   * @param reason ELBv2's reason code ({@code Elb.RegistrationInProgress}, ...), empty when healthy
   * @param message ELBv2's description, empty when healthy
   */
  public record Pod(
      String namespace,
      String name,
      String uid,
      String conditionType,
      String status,
      String reason,
      String message) {}

  public String toJson() {
    return Json.write(this);
  }

  /** Whether a status-queue message body is one of these (rather than a {@link StackResult}). */
  public static boolean isOne(String json) {
    return json != null && json.contains("\"kind\":\"" + KIND + "\"");
  }

  /** Reads one; throws {@link InvalidEventException} when it is not a supported version. */
  public static PodConditions fromJson(String json) {
    PodConditions p;
    try {
      p = Json.read(json, PodConditions.class);
    } catch (RuntimeException e) {
      throw new InvalidEventException("pod conditions", "not pod conditions: " + e.getMessage());
    }
    if (p.schemaVersion() != SCHEMA_VERSION
        || !KIND.equals(p.kind())
        || p.cluster() == null
        || p.stack() == null) {
      throw new InvalidEventException(
          "pod conditions",
          "unsupported pod conditions (schemaVersion "
              + p.schemaVersion()
              + ", kind "
              + p.kind()
              + ")");
    }
    return p;
  }
}
