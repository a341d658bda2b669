package dev.lbr.aws;

import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;

/** Load balancer calls of {@link SdkElbGateway}. */
final class ElbLoadBalancers {
  private static final int PAGE_SIZE = 400;

  private final ElasticLoadBalancingV2Client elb;
  private final ElbTags tags;

  ElbLoadBalancers(ElasticLoadBalancingV2Client elb, ElbTags tags) {
    this.elb = elb;
    this.tags = tags;
  }

  List<ActualLoadBalancer> tagged(Map<String, String> wanted) {
    List<ActualLoadBalancer> found = new ArrayList<>();
    for (var lb :
        tags.matching(
            elb.describeLoadBalancersPaginator(r -> r.pageSize(PAGE_SIZE)).loadBalancers(),
            LoadBalancer::loadBalancerArn,
            wanted)) {
      attributes(lb.arn()).ifPresent(attrs -> found.add(toModel(lb.resource(), attrs, lb.tags())));
    }
    return found;
  }

  /** By ARN, 20 per DescribeLoadBalancers; those that do not exist are left out. */
  Map<String, LoadBalancer> described(Collection<String> arns) {
    return ElbBatches.byArn(
        arns,
        chunk -> elb.describeLoadBalancers(r -> r.loadBalancerArns(chunk)).loadBalancers(),
        LoadBalancer::loadBalancerArn);
  }

  /**
   * Creates with tags and security groups (an ALB's managed group first, as the applier resolved
   * it) in the same call; the planner sets the attributes in a separate change.
   */
  String create(LoadBalancerSpec spec) {
    String arn =
        elb.createLoadBalancer(
                r ->
                    r.name(spec.name())
                        .type(spec.type().api())
                        .scheme(spec.scheme())
                        .ipAddressType(spec.ipAddressType())
                        .subnets(spec.subnetIds())
                        .securityGroups(
                            spec.securityGroupIds().isEmpty() ? null : spec.securityGroupIds())
                        .tags(ElbTags.toSdk(spec.tags())))
            .loadBalancers()
            .get(0)
            .loadBalancerArn();
    return arn;
  }

  void modifyAttributes(String arn, Map<String, String> attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    elb.modifyLoadBalancerAttributes(
        r ->
            r.loadBalancerArn(arn)
                .attributes(
                    new TreeMap<>(attributes)
                        .entrySet().stream()
                            .map(
                                e ->
                                    LoadBalancerAttribute.builder()
                                        .key(e.getKey())
                                        .value(e.getValue())
                                        .build())
                            .toList()));
  }

  void setSubnets(String arn, List<String> subnetIds) {
    elb.setSubnets(r -> r.loadBalancerArn(arn).subnets(subnetIds));
  }

  void setIpAddressType(String arn, String ipAddressType) {
    elb.setIpAddressType(r -> r.loadBalancerArn(arn).ipAddressType(ipAddressType));
  }

  void setSecurityGroups(String arn, List<String> groupIds) {
    elb.setSecurityGroups(r -> r.loadBalancerArn(arn).securityGroups(groupIds));
  }

  void delete(String arn) {
    AwsErrors.ignoringNotFound(() -> elb.deleteLoadBalancer(r -> r.loadBalancerArn(arn)));
  }

  /** Empty when the load balancer went away meanwhile. */
  Optional<Map<String, String>> attributes(String arn) {
    return AwsErrors.unlessNotFound(
        () -> {
          Map<String, String> attrs = new TreeMap<>();
          elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn))
              .attributes()
              .forEach(a -> attrs.put(a.key(), a.value() == null ? "" : a.value()));
          return attrs;
        });
  }

  /** The {@code Type} field tells network from application; the ARN text is not reliable. */
  static ActualLoadBalancer toModel(
      LoadBalancer lb, Map<String, String> attributes, Map<String, String> tags) {
    return new ActualLoadBalancer(
        lb.loadBalancerArn(),
        lb.loadBalancerName(),
        LoadBalancerType.fromApi(lb.typeAsString()),
        lb.schemeAsString(),
        lb.ipAddressTypeAsString(),
        lb.dnsName(),
        lb.vpcId(),
        lb.availabilityZones().stream().map(AvailabilityZone::subnetId).toList(),
        lb.hasSecurityGroups() ? lb.securityGroups() : List.of(),
        attributes,
        tags == null ? Map.of() : tags);
  }
}
