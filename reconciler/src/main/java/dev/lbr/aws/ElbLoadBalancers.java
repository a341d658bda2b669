package dev.lbr.aws;

import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;

/** Load balancer calls of {@link SdkElbGateway}. */
final class ElbLoadBalancers extends ElbResources<LoadBalancer, ActualLoadBalancer> {
  ElbLoadBalancers(ElasticLoadBalancingV2Client elb, ElbTags tags) {
    super(elb, tags, LoadBalancer::loadBalancerArn, ElbLoadBalancers::toModel);
  }

  @Override
  Iterable<LoadBalancer> listed() {
    return elb.describeLoadBalancersPaginator(r -> r.pageSize(PAGE_SIZE)).loadBalancers();
  }

  @Override
  List<LoadBalancer> describe(List<String> arns) {
    return elb.describeLoadBalancers(r -> r.loadBalancerArns(arns)).loadBalancers();
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
                    KeyValues.toList(
                        attributes,
                        (k, v) -> LoadBalancerAttribute.builder().key(k).value(v).build())));
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

  @Override
  Optional<Map<String, String>> attributes(String arn) {
    return AwsErrors.unlessNotFound(
        () ->
            KeyValues.toMap(
                elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn)).attributes(),
                LoadBalancerAttribute::key,
                LoadBalancerAttribute::value));
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
