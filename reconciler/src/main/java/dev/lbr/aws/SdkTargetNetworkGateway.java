package dev.lbr.aws;

import static dev.lbr.aws.Ec2TargetHolders.batches;
import static dev.lbr.aws.Ec2TargetHolders.filter;
import static dev.lbr.aws.Ec2TargetHolders.inVpc;

import dev.lbr.model.Permission;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.TargetHolder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** {@link TargetNetworkGateway} over the SDK. */
public final class SdkTargetNetworkGateway implements TargetNetworkGateway {
  private static final String DUPLICATE_PERMISSION = "InvalidPermission.Duplicate";

  private final Ec2Client ec2;
  private final Ec2SecurityGroups groups;
  private final Ec2TargetHolders holders;

  public SdkTargetNetworkGateway(Ec2Client ec2, SdkEc2Gateway.DeletionWait wait) {
    this.ec2 = ec2;
    this.groups = new Ec2SecurityGroups(ec2, new InUseRetry(wait));
    this.holders = new Ec2TargetHolders(ec2);
  }

  @Override
  public Map<String, Interface> interfacesByAddress(String vpcId, Collection<String> ips) {
    return holders.interfacesByAddress(vpcId, ips);
  }

  @Override
  public Map<String, List<TargetHolder>> addressHolders(Collection<String> ips) {
    return holders.addressHolders(ips);
  }

  @Override
  public List<TargetHolder> prefixHolders(Collection<String> ips) {
    return holders.prefixHolders(ips);
  }

  @Override
  public Map<String, TargetHolder> instances(Collection<String> instanceIds) {
    return holders.instances(instanceIds);
  }

  @Override
  public Map<String, Interface> primaryInterfaces(Collection<String> instanceIds) {
    return holders.primaryInterfaces(instanceIds);
  }

  @Override
  public Map<String, Map<String, String>> securityGroupTags(Collection<String> groupIds) {
    Map<String, Map<String, String>> tags = new TreeMap<>();
    describe(groupIds).forEach(g -> tags.put(g.groupId(), tagsOf(g)));
    return tags;
  }

  @Override
  public List<String> securityGroupsTagged(String vpcId, String key, Collection<String> values) {
    List<Filter> filters = new ArrayList<>(List.of(filter("tag:" + key, List.copyOf(values))));
    filters.addAll(inVpc(vpcId));
    List<String> ids = new ArrayList<>();
    ec2.describeSecurityGroupsPaginator(r -> r.filters(filters))
        .securityGroups()
        .forEach(
            g -> {
              String v = tagsOf(g).get(key);
              if (v != null && values.contains(v)) {
                ids.add(g.groupId());
              }
            });
    ids.sort(null);
    return ids;
  }

  @Override
  public Map<String, List<Permission>> ingressRules(Collection<String> groupIds) {
    Map<String, List<Permission>> rules = new TreeMap<>();
    describe(groupIds).forEach(g -> rules.put(g.groupId(), flatten(g.ipPermissions())));
    return rules;
  }

  @Override
  public void authorize(String groupId, List<Permission> rules) {
    if (rules.isEmpty()) {
      return;
    }
    AwsErrors.runHandling(
        DUPLICATE_PERMISSION,
        () ->
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(toSdk(rules))),
        // one of them exists already (a retried call): add them one by one, skipping those
        () -> {
          for (Permission p : rules) {
            AwsErrors.runHandling(
                DUPLICATE_PERMISSION,
                () ->
                    ec2.authorizeSecurityGroupIngress(
                        r -> r.groupId(groupId).ipPermissions(toSdk(p))),
                () -> {});
          }
        });
  }

  @Override
  public void revoke(String groupId, List<Permission> rules) {
    if (rules.isEmpty()) {
      return;
    }
    AwsErrors.ignoringNotFound(
        () -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(toSdk(rules))));
  }

  @Override
  public Optional<String> findSecurityGroup(String vpcId, Map<String, String> tags) {
    List<Filter> filters = new ArrayList<>(inVpc(vpcId));
    new TreeMap<>(tags).forEach((k, v) -> filters.add(filter("tag:" + k, List.of(v))));
    List<String> ids = new ArrayList<>();
    ec2.describeSecurityGroupsPaginator(r -> r.filters(filters))
        .securityGroups()
        .forEach(
            g -> {
              if (ElbTags.containsAll(tagsOf(g), tags)) {
                ids.add(g.groupId());
              }
            });
    return ids.stream().min(Comparator.naturalOrder());
  }

  @Override
  public String createSecurityGroup(SecurityGroupSpec spec) {
    return AwsErrors.getHandling(
        "InvalidGroup.Duplicate", () -> groups.createSecurityGroup(spec), () -> existing(spec));
  }

  /** The group of {@code spec} that a retried create finds already made, if it has our tags. */
  private String existing(SecurityGroupSpec spec) {
    List<SecurityGroup> same = new ArrayList<>();
    ec2.describeSecurityGroupsPaginator(
            r ->
                r.filters(
                    filter("vpc-id", List.of(spec.vpcId())),
                    filter("group-name", List.of(spec.name()))))
        .securityGroups()
        .forEach(same::add);
    return same.stream()
        .filter(g -> ElbTags.containsAll(tagsOf(g), spec.tags()))
        .map(SecurityGroup::groupId)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "security group "
                        + spec.name()
                        + " exists in "
                        + spec.vpcId()
                        + " without lbr's tags; refusing to use or change it"));
  }

  @Override
  public void deleteSecurityGroup(String groupId) {
    groups.deleteSecurityGroup(groupId);
  }

  private List<SecurityGroup> describe(Collection<String> groupIds) {
    List<SecurityGroup> out = new ArrayList<>();
    if (groupIds.isEmpty()) {
      return out;
    }
    for (List<String> batch : batches(groupIds)) {
      // a filter, not GroupIds: an id that no longer exists is simply absent
      ec2.describeSecurityGroupsPaginator(r -> r.filters(filter("group-id", batch)))
          .securityGroups()
          .forEach(out::add);
    }
    return out;
  }

  private static Map<String, String> tagsOf(SecurityGroup g) {
    Map<String, String> tags = new LinkedHashMap<>();
    g.tags().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
    return tags;
  }

  static List<Permission> flatten(List<IpPermission> permissions) {
    List<Permission> rules = new ArrayList<>();
    for (IpPermission p : permissions) {
      Ec2Permissions.Ports ports = Ec2Permissions.Ports.of(p);
      p.userIdGroupPairs()
          .forEach(g -> rules.add(ports.permission(g.groupId(), null, g.description())));
      p.ipRanges().forEach(r -> rules.add(ports.permission(null, r.cidrIp(), r.description())));
      p.ipv6Ranges().forEach(r -> rules.add(ports.permission(null, r.cidrIpv6(), r.description())));
    }
    return rules;
  }

  private static List<IpPermission> toSdk(List<Permission> rules) {
    return rules.stream().map(SdkTargetNetworkGateway::toSdk).toList();
  }

  private static IpPermission toSdk(Permission p) {
    IpPermission.Builder b =
        IpPermission.builder().ipProtocol(p.protocol()).fromPort(p.fromPort()).toPort(p.toPort());
    if (p.sourceGroupId() != null) {
      b.userIdGroupPairs(
          UserIdGroupPair.builder()
              .groupId(p.sourceGroupId())
              .description(p.description())
              .build());
    } else if (p.cidr().contains(":")) {
      b.ipv6Ranges(Ipv6Range.builder().cidrIpv6(p.cidr()).description(p.description()).build());
    } else {
      b.ipRanges(IpRange.builder().cidrIp(p.cidr()).description(p.description()).build());
    }
    return b.build();
  }
}
