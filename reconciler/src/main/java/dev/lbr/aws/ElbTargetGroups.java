package dev.lbr.aws;

import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.TargetGroupSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/** Target group calls of {@link SdkElbGateway} (targets are in {@link ElbTargets}). */
final class ElbTargetGroups extends ElbResources<TargetGroup, ActualTargetGroup> {
  ElbTargetGroups(ElasticLoadBalancingV2Client elb, ElbTags tags) {
    super(elb, tags, TargetGroup::targetGroupArn, ElbTargetGroups::toModel);
  }

  @Override
  Iterable<TargetGroup> listed() {
    return elb.describeTargetGroupsPaginator(r -> r.pageSize(PAGE_SIZE)).targetGroups();
  }

  @Override
  List<TargetGroup> describe(List<String> arns) {
    return elb.describeTargetGroups(r -> r.targetGroupArns(arns)).targetGroups();
  }

  /**
   * A target group by ARN, or by name when {@code arn} is null, without tags or attributes: one
   * DescribeTargetGroups. Empty when there is none.
   */
  Optional<ActualTargetGroup> outline(String arn, String name) {
    return AwsErrors.unlessNotFound(
            () ->
                elb.describeTargetGroups(
                        r -> {
                          if (arn != null) {
                            r.targetGroupArns(arn);
                          } else {
                            r.names(name);
                          }
                        })
                    .targetGroups())
        .flatMap(found -> found.stream().findFirst())
        .map(tg -> toModel(tg, Map.of(), Map.of()));
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
            && isGrpc(describe(List.of(arn)).get(0).protocolVersion());
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
                    KeyValues.toList(
                        attributes,
                        (k, v) -> TargetGroupAttribute.builder().key(k).value(v).build())));
  }

  void delete(String arn) {
    AwsErrors.ignoringNotFound(() -> elb.deleteTargetGroup(r -> r.targetGroupArn(arn)));
  }

  @Override
  Optional<Map<String, String>> attributes(String arn) {
    return AwsErrors.unlessNotFound(
        () ->
            KeyValues.toMap(
                elb.describeTargetGroupAttributes(r -> r.targetGroupArn(arn)).attributes(),
                TargetGroupAttribute::key,
                TargetGroupAttribute::value));
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
