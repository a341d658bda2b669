package dev.lbr.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lbr.k8s.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one reconcile of a stack did, as the cluster must see it: the message the reconciler sends
 * to the cluster's status queue and the forwarder applies through the Kubernetes API (status,
 * events, condition, finalizers, TargetGroupBindings). Versioned like the events; see {@code
 * docs/event-contract.md}, "Stack results".
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param cluster the cluster name; the forwarder ignores results of another cluster
 * @param stack the stack id ({@code service/ns/name}, {@code ingress/ns/name}, {@code
 *     ingress/group})
 * @param sequence orders the results of one stack: the end of the pass in epoch milliseconds,
 *     strictly increasing per stack (passes of a stack are serialized by its lease); a result whose
 *     sequence is not above the last one applied for its stack is dropped
 * @param outcome what happened
 * @param reason LBC's event reason ({@code SuccessfullyReconciled}, {@code FailedBuildModel},
 *     {@code FailedDeployModel}); null for {@link Outcome#DELETED}
 * @param message LBC's event message form ({@code Successfully reconciled}, {@code Failed build
 *     model due to …}, {@code Failed deploy model due to …})
 * @param objects the objects the stack serves now: the Service, or every member Ingress of the
 *     group (empty when deleted). Objects that carry the stack's finalizer and are not listed here
 *     are released: their finalizer is removed and their load balancer status cleared.
 * @param loadBalancer the load balancer's address, null when the stack has none (deleted, or never
 *     created because its input is invalid)
 * @param targetGroups one entry per target group the stack manages: the TargetGroupBinding the
 *     forwarder keeps in the cluster (empty when deleted; absent, i.e. null, when this pass did not
 *     learn them, e.g. an invalid input, so the bindings stay as they are)
 * @param warnings what the pass refused to do while it did the rest, e.g. targets that are not the
 *     cluster's; each becomes a Warning event on every served object. Optional (absent: none),
 *     added without a version change: older readers ignore it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StackResult(
    int schemaVersion,
    String cluster,
    String stack,
    long sequence,
    Outcome outcome,
    String reason,
    String message,
    List<Member> objects,
    LoadBalancer loadBalancer,
    List<Binding> targetGroups,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Warning> warnings) {

  public static final int SCHEMA_VERSION = 1;

  /** LBC's event reasons ({@code pkg/k8s/events.go}). */
  public static final String REASON_RECONCILED = "SuccessfullyReconciled";

  public static final String REASON_BUILD_FAILED = "FailedBuildModel";
  public static final String REASON_DEPLOY_FAILED = "FailedDeployModel";

  /** LBC's reason of a TargetGroupBinding that failed ({@code pkg/k8s/events.go}). */
  public static final String REASON_BINDING_FAILED = "FailedReconcile";

  /** LBC has no such event: lbr's reason for targets refused as not the cluster's. */
  public static final String REASON_TARGETS_REFUSED = "RefusedTargets";

  @JsonCreator
  public StackResult {
    objects = objects == null ? List.of() : List.copyOf(objects);
    targetGroups = targetGroups == null ? null : List.copyOf(targetGroups);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** The same result with these warnings. */
  public StackResult withWarnings(List<Warning> newWarnings) {
    return new StackResult(
        schemaVersion,
        cluster,
        stack,
        sequence,
        outcome,
        reason,
        message,
        objects,
        loadBalancer,
        targetGroups,
        newWarnings);
  }

  /**
   * Something the pass refused while doing the rest: a Warning event on every served object.
   *
   * @param reason the event's reason, e.g. {@link #REASON_TARGETS_REFUSED}
   * @param message the event's message
   */
  public record Warning(String reason, String message) {}

  public enum Outcome {
    /** The load balancer matches its objects (possibly after changes). */
    RECONCILED,
    /** The objects' input is invalid; nothing in AWS was changed. The message names the fault. */
    INVALID,
    /** The pass failed and will be retried (or dead-lettered). */
    FAILED,
    /** The stack's AWS resources are gone. */
    DELETED
  }

  /** A Service or an Ingress the stack serves. {@code generation} is 0 when unknown. */
  public record Member(String kind, String namespace, String name, String uid, long generation) {}

  /**
   * @param dnsName the load balancer's DNS name, lower case (as LBC writes it into the status)
   * @param listenerPorts the listeners' ports, ascending
   */
  public record LoadBalancer(String dnsName, List<Integer> listenerPorts) {
    public LoadBalancer {
      listenerPorts = List.copyOf(listenerPorts);
    }
  }

  /**
   * The spec of LBC's TargetGroupBinding for one managed target group, named after the target group
   * in the Service's namespace.
   *
   * @param name the target group's name (LBC names the binding after it)
   * @param namespace the backend Service's namespace
   * @param serviceName the backend Service
   * @param servicePort the Service port: a number or a port name, as the manifest gives it
   * @param targetType {@code ip} or {@code instance}
   * @param protocol the target group's protocol ({@code spec.targetGroupProtocol})
   * @param networking LBC's {@code spec.networking}, or null when lbr manages no rules for it
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Binding(
      String name,
      String namespace,
      String targetGroupArn,
      String serviceName,
      String servicePort,
      String targetType,
      String ipAddressType,
      String protocol,
      String vpcId,
      Networking networking) {}

  /** {@code spec.networking.ingress[]}: who may reach the targets, on which ports. */
  public record Networking(List<IngressRule> ingress) {
    public Networking {
      ingress = List.copyOf(ingress);
    }
  }

  /**
   * One {@code networking.ingress[]} rule.
   *
   * @param from each peer: {@code {"securityGroup": {"groupID": …}}} or {@code {"ipBlock": {"cidr":
   *     …}}}, as LBC's schema writes it
   * @param ports each {@code {"protocol": "TCP", "port": 80}} (port absent: all ports)
   */
  public record IngressRule(List<Map<String, Object>> from, List<Map<String, Object>> ports) {
    public IngressRule {
      from = List.copyOf(from);
      ports = List.copyOf(ports);
    }
  }

  /** The outcomes for which the objects carry lbr's finalizer (the stack may own AWS resources). */
  public static final Set<Outcome> HOLDS_RESOURCES = Set.of(Outcome.RECONCILED, Outcome.FAILED);

  public String toJson() {
    return Json.write(this);
  }

  /**
   * Reads a result; throws {@link InvalidEventException} for anything that is not a result of a
   * supported version with a stack, a cluster and an outcome.
   */
  public static StackResult fromJson(String json) {
    StackResult r;
    try {
      r = Json.read(json, StackResult.class);
    } catch (RuntimeException e) {
      throw new InvalidEventException("stack result", "not a stack result: " + e.getMessage());
    }
    if (r.schemaVersion() != SCHEMA_VERSION) {
      throw new InvalidEventException(
          "stack result", "unsupported schemaVersion " + r.schemaVersion());
    }
    if (r.cluster() == null || r.stack() == null || r.outcome() == null) {
      throw new InvalidEventException("stack result", "cluster, stack and outcome are required");
    }
    return r;
  }
}
