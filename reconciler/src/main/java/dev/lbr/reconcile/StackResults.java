package dev.lbr.reconcile;

import dev.lbr.event.StackResult;
import dev.lbr.k8s.K8sObject;
import dev.lbr.model.BackendRef;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.NetworkingPort;
import dev.lbr.model.StackId;
import dev.lbr.model.TargetGroupNetworking;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pure: what a pass tells the cluster ({@link StackResult}), with LBC's event reasons and message
 * forms ({@code controllers/service/service_controller.go}, {@code
 * controllers/ingress/group_controller.go}).
 */
public final class StackResults {

  private StackResults() {}

  static StackResult.Member member(K8sObject o) {
    return new StackResult.Member(
        o.kind().wireName(), o.metadata().namespace(), o.metadata().name(), o.metadata().uid(), 0);
  }

  /** The result of a pass that returned (reconciled, deleted or invalid input). */
  public static StackResult of(
      String cluster, long sequence, ReconcileResult result, List<StackResult.Member> members) {
    String stack = result.stackId().value();
    if (result.path() == ReconcileResult.Path.INVALID) {
      return new StackResult(
          StackResult.SCHEMA_VERSION,
          cluster,
          stack,
          sequence,
          StackResult.Outcome.INVALID,
          StackResult.REASON_BUILD_FAILED,
          "Failed build model due to " + result.error(),
          members,
          null,
          null,
          result.warnings());
    }
    ReconcileResult.View view =
        result.view() == null ? new ReconcileResult.View(null, List.of()) : result.view();
    if (members.isEmpty()) {
      return new StackResult(
          StackResult.SCHEMA_VERSION,
          cluster,
          stack,
          sequence,
          StackResult.Outcome.DELETED,
          null,
          "Deleted load balancer resources",
          List.of(),
          null,
          List.of(),
          List.of());
    }
    return new StackResult(
        StackResult.SCHEMA_VERSION,
        cluster,
        stack,
        sequence,
        StackResult.Outcome.RECONCILED,
        StackResult.REASON_RECONCILED,
        "Successfully reconciled",
        members,
        view.loadBalancer(),
        view.bindings(),
        result.warnings());
  }

  /**
   * The result of a pass over a user's TargetGroupBinding, in LBC's TargetGroupBinding words
   * ({@code FailedReconcile}, {@code Failed reconcile due to …}): no load balancer, and never a
   * {@code targetGroups} list (a binding stack has no lbr bindings for the forwarder to write).
   */
  public static StackResult binding(
      String cluster, long sequence, ReconcileResult result, List<StackResult.Member> members) {
    StackResult r = of(cluster, sequence, result, members);
    boolean failed = r.outcome() == StackResult.Outcome.INVALID;
    return new StackResult(
        r.schemaVersion(),
        r.cluster(),
        r.stack(),
        r.sequence(),
        r.outcome(),
        failed ? StackResult.REASON_BINDING_FAILED : r.reason(),
        failed ? "Failed reconcile due to " + result.error() : r.message(),
        r.objects(),
        null,
        null,
        r.warnings());
  }

  /** As {@link #failed}, for a user's TargetGroupBinding. */
  public static StackResult bindingFailed(
      String cluster,
      long sequence,
      StackId id,
      List<StackResult.Member> members,
      RuntimeException error) {
    return failed(
        cluster,
        sequence,
        id,
        members,
        StackResult.REASON_BINDING_FAILED,
        "Failed reconcile due to " + error.getMessage());
  }

  /** The result of a pass that failed with a retryable error. */
  public static StackResult failed(
      String cluster,
      long sequence,
      StackId id,
      List<StackResult.Member> members,
      RuntimeException error) {
    return failed(
        cluster,
        sequence,
        id,
        members,
        StackResult.REASON_DEPLOY_FAILED,
        "Failed deploy model due to " + error.getMessage());
  }

  private static StackResult failed(
      String cluster,
      long sequence,
      StackId id,
      List<StackResult.Member> members,
      String reason,
      String message) {
    return new StackResult(
        StackResult.SCHEMA_VERSION,
        cluster,
        id.value(),
        sequence,
        StackResult.Outcome.FAILED,
        reason,
        message,
        members,
        null,
        null,
        List.of());
  }

  /** The view of a stack after a full pass; null load balancer when the stack has none. */
  public static ReconcileResult.View view(
      DesiredStack desired, String dnsName, Map<String, String> arnsByResourceId) {
    if (desired.isEmpty() || dnsName == null) {
      return new ReconcileResult.View(null, List.of());
    }
    List<Integer> ports =
        desired.listeners().stream().map(ListenerSpec::port).sorted().distinct().toList();
    List<StackResult.Binding> bindings = new ArrayList<>();
    for (TargetGroupSpec tg : desired.targetGroups()) {
      BackendRef ref = desired.backends().get(tg.resourceId());
      String arn = arnsByResourceId.get(tg.resourceId());
      if (ref == null || arn == null) {
        continue;
      }
      bindings.add(
          new StackResult.Binding(
              tg.name(),
              ref.namespace(),
              arn,
              ref.service(),
              ref.port(),
              tg.targetType(),
              tg.ipAddressType(),
              tg.protocol(),
              tg.vpcId(),
              networking(desired, tg.resourceId(), ref.targetPort())));
    }
    return new ReconcileResult.View(
        new StackResult.LoadBalancer(dnsName.toLowerCase(Locale.ROOT), ports), bindings);
  }

  /** LBC's {@code spec.networking}: one ingress rule per peer set, null when none is managed. */
  private static StackResult.Networking networking(
      DesiredStack desired, String resourceId, String targetPort) {
    List<StackResult.IngressRule> rules = new ArrayList<>();
    Stream.concat(
            desired.networking().targetGroups().stream(),
            desired.networking().withoutSecurityGroups().stream())
        .filter(n -> n.targetGroup().equals(resourceId))
        .forEach(n -> rules.add(rule(n, targetPort)));
    return rules.isEmpty() ? null : new StackResult.Networking(rules);
  }

  /** {@code targetPort} stands in for a port the targets choose (ip targets), as in LBC's spec. */
  private static StackResult.IngressRule rule(TargetGroupNetworking n, String targetPort) {
    List<Map<String, Object>> from = new ArrayList<>();
    for (String peer : n.peers()) {
      from.add(
          peer.contains("/")
              ? Map.of("ipBlock", Map.of("cidr", peer))
              : Map.of("securityGroup", Map.of("groupID", peer)));
    }
    List<Map<String, Object>> ports = new ArrayList<>();
    for (NetworkingPort p : n.ports()) {
      Map<String, Object> port = new LinkedHashMap<>();
      port.put("protocol", p.protocol().toUpperCase(Locale.ROOT));
      if (p.port() != null) {
        port.put("port", p.port());
      } else if (targetPort != null) {
        port.put("port", targetPort.matches("\\d+") ? Integer.parseInt(targetPort) : targetPort);
      }
      ports.add(port);
    }
    return new StackResult.IngressRule(from, ports);
  }
}
