package dev.lbr.aws;

import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/** Target group calls of {@link SdkElbGateway} (targets are in {@link ElbTargets}). */
final class ElbTargetGroups {
  private static final int PAGE_SIZE = 400;

  private final ElasticLoadBalancingV2Client elb;
  private final ElbTags tags;

  ElbTargetGroups(ElasticLoadBalancingV2Client elb, ElbTags tags) {
    this.elb = elb;
    this.tags = tags;
  }

  List<ActualTargetGroup> tagged(Map<String, String> wanted) {
    List<ActualTargetGroup> found = new ArrayList<>();
    for (var tg :
        tags.matching(
            elb.describeTargetGroupsPaginator(r -> r.pageSize(PAGE_SIZE)).targetGroups(),
            TargetGroup::targetGroupArn,
            wanted)) {
      attributes(tg.arn()).ifPresent(attrs -> found.add(toModel(tg.resource(), attrs, tg.tags())));
    }
    return found;
  }

  /** By ARN, 20 per DescribeTargetGroups; those that do not exist are left out. */
  Map<String, TargetGroup> described(Collection<String> arns) {
    return ElbBatches.byArn(
        arns,
        chunk -> elb.describeTargetGroups(r -> r.targetGroupArns(chunk)).targetGroups(),
        TargetGroup::targetGroupArn);
  }

  /** Creates with tags in the same call; the planner sets the attributes in a separate change. */
  String create(TargetGroupSpec spec) {
    HealthCheck hc = spec.healthCheck();
    boolean httpCheck = hc != null && !isTcp(hc.protocol());
    String arn =
        elb.createTargetGroup(
                r -> {
                  r.name(spec.name())
                      .protocol(spec.protocol())
                      .protocolVersion(spec.protocolVersion())
                      .port(spec.port())
                      .vpcId(spec.vpcId())
                      .targetType(spec.targetType())
                      .ipAddressType(spec.ipAddressType())
                      .tags(ElbTags.toSdk(spec.tags()));
                  if (hc != null) {
                    r.healthCheckProtocol(hc.protocol())
                        .healthCheckPort(hc.port())
                        .healthCheckIntervalSeconds(hc.intervalSeconds())
                        .healthCheckTimeoutSeconds(hc.timeoutSeconds())
                        .healthyThresholdCount(hc.healthyThreshold())
                        .unhealthyThresholdCount(hc.unhealthyThreshold());
                    if (httpCheck) {
                      r.healthCheckPath(hc.path())
                          .matcher(matcher(hc.matcher(), isGrpc(spec.protocolVersion())));
                    }
                  }
                })
            .targetGroups()
            .get(0)
            .targetGroupArn();
    return arn;
  }

  /**
   * Sends every field; path and matcher only for HTTP(S) checks (TCP checks have neither). A
   * matcher is sent as gRPC codes when the target group's (immutable) protocol version is GRPC,
   * which takes one DescribeTargetGroups.
   */
  void modifyHealthCheck(String arn, HealthCheck hc) {
    boolean httpCheck = !isTcp(hc.protocol());
    boolean grpc =
        httpCheck
            && hc.matcher() != null
            && isGrpc(
                elb.describeTargetGroups(r -> r.targetGroupArns(arn))
                    .targetGroups()
                    .get(0)
                    .protocolVersion());
    elb.modifyTargetGroup(
        r -> {
          r.targetGroupArn(arn)
              .healthCheckProtocol(hc.protocol())
              .healthCheckPort(hc.port())
              .healthCheckIntervalSeconds(hc.intervalSeconds())
              .healthCheckTimeoutSeconds(hc.timeoutSeconds())
              .healthyThresholdCount(hc.healthyThreshold())
              .unhealthyThresholdCount(hc.unhealthyThreshold());
          if (httpCheck) {
            r.healthCheckPath(hc.path()).matcher(matcher(hc.matcher(), grpc));
          }
        });
  }

  void modifyAttributes(String arn, Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    elb.modifyTargetGroupAttributes(
        r ->
            r.targetGroupArn(arn)
                .attributes(
                    new TreeMap<>(attributes)
                        .entrySet().stream()
                            .map(
                                e ->
                                    TargetGroupAttribute.builder()
                                        .key(e.getKey())
                                        .value(e.getValue())
                                        .build())
                            .toList()));
  }

  void delete(String arn) {
    AwsErrors.ignoringNotFound(() -> elb.deleteTargetGroup(r -> r.targetGroupArn(arn)));
  }

  /** Empty when the target group went away meanwhile. */
  Optional<Map<String, String>> attributes(String arn) {
    return AwsErrors.unlessNotFound(
        () -> {
          Map<String, String> attrs = new TreeMap<>();
          elb.describeTargetGroupAttributes(r -> r.targetGroupArn(arn))
              .attributes()
              .forEach(a -> attrs.put(a.key(), a.value() == null ? "" : a.value()));
          return attrs;
        });
  }

  static boolean isTcp(String healthCheckProtocol) {
    return "TCP".equalsIgnoreCase(healthCheckProtocol);
  }

  static boolean isGrpc(String protocolVersion) {
    return "GRPC".equalsIgnoreCase(protocolVersion);
  }

  /** gRPC status codes for a GRPC target group, HTTP codes otherwise. */
  static Matcher matcher(String codes, boolean grpc) {
    if (codes == null) {
      return null;
    }
    return grpc
        ? Matcher.builder().grpcCode(codes).build()
        : Matcher.builder().httpCode(codes).build();
  }

  /** A TCP health check has no path and no matcher, whatever the response carries. */
  static ActualTargetGroup toModel(
      TargetGroup tg, Map<String, String> attributes, Map<String, String> tags) {
    boolean tcp = isTcp(tg.healthCheckProtocolAsString());
    String matcher = tcp ? null : codes(tg.matcher(), isGrpc(tg.protocolVersion()));
    HealthCheck hc =
        new HealthCheck(
            tg.healthCheckProtocolAsString(),
            tg.healthCheckPort(),
            tcp ? null : tg.healthCheckPath(),
            orZero(tg.healthCheckIntervalSeconds()),
            orZero(tg.healthCheckTimeoutSeconds()),
            orZero(tg.healthyThresholdCount()),
            orZero(tg.unhealthyThresholdCount()),
            matcher);
    return new ActualTargetGroup(
        tg.targetGroupArn(),
        tg.targetGroupName(),
        tg.targetTypeAsString(),
        tg.protocolAsString(),
        tg.protocolVersion(),
        orZero(tg.port()),
        tg.ipAddressTypeAsString(),
        tg.vpcId(),
        hc,
        attributes,
        tags == null ? Map.of() : tags);
  }

  /** The codes of the target group's kind: gRPC codes for GRPC, HTTP codes otherwise. */
  private static String codes(Matcher m, boolean grpc) {
    return m == null ? null : (grpc ? m.grpcCode() : m.httpCode());
  }

  private static int orZero(Integer i) {
    return i == null ? 0 : i;
  }
}
