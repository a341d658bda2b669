package dev.lbr.aws;

import dev.lbr.model.Permission;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.TargetHolder;
import dev.lbr.plan.IpPrefixes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceIpv4Prefix;
import software.amazon.awssdk.services.ec2.model.InstanceIpv6Prefix;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv4PrefixSpecification;
import software.amazon.awssdk.services.ec2.model.Ipv6PrefixSpecification;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/** {@link TargetNetworkGateway} over the SDK. */
public final class SdkTargetNetworkGateway implements TargetNetworkGateway {
  private static final int FILTER_VALUES = 200;

  private final Ec2Client ec2;
  private final Ec2SecurityGroups groups;

  public SdkTargetNetworkGateway(Ec2Client ec2, SdkEc2Gateway.DeletionWait wait) {
    this.ec2 = ec2;
    this.groups = new Ec2SecurityGroups(ec2, new InUseRetry(wait));
  }

  @Override
  public Map<String, Interface> interfacesByAddress(String vpcId, Collection<String> ips) {
    Map<String, Interface> byIp = new TreeMap<>();
    byAddress(vpcId, ips, (ip, eni) -> byIp.put(ip, toInterface(eni)));
    return byIp;
  }

  @Override
  public Map<String, List<TargetHolder>> addressHolders(Collection<String> ips) {
    Map<String, List<TargetHolder>> byIp = new TreeMap<>();
    byAddress(
        null,
        ips,
        (ip, eni) -> byIp.computeIfAbsent(ip, k -> new ArrayList<>()).add(toHolder(eni)));
    return byIp;
  }

  @Override
  public List<TargetHolder> prefixHolders(Collection<String> ips) {
    Set<String> v4 = new TreeSet<>();
    Set<String> v6 = new TreeSet<>();
    ips.forEach(
        ip ->
            IpPrefixes.delegatedPrefix(ip)
                .ifPresent(p -> (IpPrefixes.isIpv6(ip) ? v6 : v4).add(p)));
    Map<String, TargetHolder> byInterface = new TreeMap<>();
    // filters are ANDed: one call per family
    for (var family :
        List.of(
            Map.entry("network-interface.ipv4-prefixes.ipv4-prefix", v4),
            Map.entry("network-interface.ipv6-prefixes.ipv6-prefix", v6))) {
      for (List<String> batch : batches(family.getValue())) {
        ec2.describeInstancesPaginator(r -> r.filters(filter(family.getKey(), batch)))
            .reservations()
            .forEach(
                res ->
                    res.instances()
                        .forEach(
                            i ->
                                i.networkInterfaces().stream()
                                    .filter(
                                        n ->
                                            !n.ipv4Prefixes().isEmpty()
                                                || !n.ipv6Prefixes().isEmpty())
                                    .forEach(
                                        n ->
                                            byInterface.put(
                                                n.networkInterfaceId(), toHolder(i, n)))));
      }
    }
    return List.copyOf(byInterface.values());
  }

  /**
   * Calls {@code found} for each asked IP with each interface holding it as an address: IPv4 by
   * {@code addresses.private-ip-address} (primary and secondary), IPv6 by {@code
   * ipv6-addresses.ipv6-address}; IPv6 compared in one spelling, reported as asked.
   */
  private void byAddress(
      String vpcId, Collection<String> ips, BiConsumer<String, NetworkInterface> found) {
    Map<String, String> v4 = new TreeMap<>();
    Map<String, String> v6 = new TreeMap<>();
    ips.forEach(
        ip ->
            IpPrefixes.canonical(ip).ifPresent(c -> (IpPrefixes.isIpv6(ip) ? v6 : v4).put(c, ip)));
    for (var family :
        List.of(
            Map.entry("addresses.private-ip-address", v4),
            Map.entry("ipv6-addresses.ipv6-address", v6))) {
      Map<String, String> asked = family.getValue();
      for (List<String> batch : batches(asked.keySet())) {
        List<Filter> filters = new ArrayList<>();
        filters.add(filter(family.getKey(), batch));
        if (vpcId != null) {
          filters.add(filter("vpc-id", List.of(vpcId)));
        }
        ec2.describeNetworkInterfacesPaginator(r -> r.filters(filters))
            .networkInterfaces()
            .forEach(
                eni ->
                    addresses(eni).stream()
                        .map(a -> asked.get(a))
                        .filter(Objects::nonNull)
                        .forEach(ip -> found.accept(ip, eni)));
      }
    }
  }

  /** The interface's IPv4 (primary and secondary) and IPv6 addresses, each once, canonical. */
  private static Set<String> addresses(NetworkInterface eni) {
    List<String> held = new ArrayList<>();
    eni.privateIpAddresses().forEach(a -> held.add(a.privateIpAddress()));
    held.add(eni.privateIpAddress());
    eni.ipv6Addresses().forEach(a -> held.add(a.ipv6Address()));
    Set<String> canonical = new TreeSet<>();
    held.forEach(a -> IpPrefixes.canonical(a).ifPresent(canonical::add));
    return canonical;
  }

  @Override
  public Map<String, TargetHolder> instances(Collection<String> instanceIds) {
    Map<String, TargetHolder> byId = new TreeMap<>();
    for (List<String> batch : batches(instanceIds)) {
      ec2.describeInstancesPaginator(r -> r.filters(filter("instance-id", batch)))
          .reservations()
          .forEach(res -> res.instances().forEach(i -> byId.put(i.instanceId(), toHolder(i))));
    }
    return byId;
  }

  private static TargetHolder toHolder(NetworkInterface eni) {
    Map<String, String> tags = new LinkedHashMap<>();
    eni.tagSet().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
    return new TargetHolder(
        eni.networkInterfaceId(),
        eni.vpcId(),
        eni.attachment() == null ? null : eni.attachment().instanceId(),
        tags,
        eni.groups().stream().map(GroupIdentifier::groupId).toList(),
        eni.networkInterfaceId(),
        prefixes(
            eni.ipv4Prefixes().stream().map(Ipv4PrefixSpecification::ipv4Prefix),
            eni.ipv6Prefixes().stream().map(Ipv6PrefixSpecification::ipv6Prefix)));
  }

  /** An instance's interface as the holder of its delegated prefixes. */
  private static TargetHolder toHolder(Instance i, InstanceNetworkInterface n) {
    return new TargetHolder(
        n.networkInterfaceId(),
        n.vpcId(),
        i.instanceId(),
        Map.of(),
        n.groups().stream().map(GroupIdentifier::groupId).toList(),
        n.networkInterfaceId(),
        prefixes(
            n.ipv4Prefixes().stream().map(InstanceIpv4Prefix::ipv4Prefix),
            n.ipv6Prefixes().stream().map(InstanceIpv6Prefix::ipv6Prefix)));
  }

  private static List<String> prefixes(Stream<String> v4, Stream<String> v6) {
    return Stream.concat(v4, v6).filter(Objects::nonNull).toList();
  }

  private static TargetHolder toHolder(Instance i) {
    Map<String, String> tags = new LinkedHashMap<>();
    i.tags().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
    InstanceNetworkInterface primary =
        i.networkInterfaces().stream().filter(n -> deviceIndex(n) == 0).findFirst().orElse(null);
    return new TargetHolder(
        i.instanceId(),
        i.vpcId(),
        i.instanceId(),
        tags,
        primary == null
            ? List.of()
            : primary.groups().stream().map(GroupIdentifier::groupId).toList(),
        primary == null ? null : primary.networkInterfaceId());
  }

  @Override
  public Map<String, Interface> primaryInterfaces(Collection<String> instanceIds) {
    Map<String, Interface> byInstance = new TreeMap<>();
    if (instanceIds.isEmpty()) {
      return byInstance;
    }
    for (List<String> batch : batches(instanceIds)) {
      ec2.describeInstancesPaginator(r -> r.filters(filter("instance-id", batch)))
          .reservations()
          .forEach(
              res ->
                  res.instances()
                      .forEach(
                          inst ->
                              inst.networkInterfaces().stream()
                                  .filter(n -> deviceIndex(n) == 0)
                                  .findFirst()
                                  .ifPresent(
                                      n ->
                                          byInstance.put(
                                              inst.instanceId(),
                                              new Interface(
                                                  n.networkInterfaceId(),
                                                  n.groups().stream()
                                                      .map(GroupIdentifier::groupId)
                                                      .toList())))));
    }
    return byInstance;
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
    if (vpcId != null) {
      filters.add(filter("vpc-id", List.of(vpcId)));
    }
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
    try {
      ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(toSdk(rules)));
    } catch (RuntimeException e) {
      if (!"InvalidPermission.Duplicate".equals(AwsErrors.errorCode(e))) {
        throw e;
      }
      // one of them exists already (a retried call): add them one by one, skipping those
      for (Permission p : rules) {
        try {
          ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(toSdk(p)));
        } catch (RuntimeException dup) {
          if (!"InvalidPermission.Duplicate".equals(AwsErrors.errorCode(dup))) {
            throw dup;
          }
        }
      }
    }
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
    List<Filter> filters = new ArrayList<>();
    if (vpcId != null) {
      filters.add(filter("vpc-id", List.of(vpcId)));
    }
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
    try {
      return groups.create(spec);
    } catch (RuntimeException e) {
      if (!"InvalidGroup.Duplicate".equals(AwsErrors.errorCode(e))) {
        throw e;
      }
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
  }

  @Override
  public void deleteSecurityGroup(String groupId) {
    groups.delete(groupId);
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

  /** At most {@value #FILTER_VALUES} values per filter, as EC2 takes them. */
  private static List<List<String>> batches(Collection<String> values) {
    List<String> all = List.copyOf(values);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += FILTER_VALUES) {
      out.add(all.subList(i, Math.min(all.size(), i + FILTER_VALUES)));
    }
    return out;
  }

  private static int deviceIndex(InstanceNetworkInterface n) {
    return n.attachment() == null || n.attachment().deviceIndex() == null
        ? -1
        : n.attachment().deviceIndex();
  }

  private static Interface toInterface(NetworkInterface eni) {
    return new Interface(
        eni.networkInterfaceId(), eni.groups().stream().map(GroupIdentifier::groupId).toList());
  }

  private static Map<String, String> tagsOf(SecurityGroup g) {
    Map<String, String> tags = new LinkedHashMap<>();
    g.tags().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
    return tags;
  }

  private static Filter filter(String name, List<String> values) {
    return Filter.builder().name(name).values(values).build();
  }

  static List<Permission> flatten(List<IpPermission> permissions) {
    List<Permission> rules = new ArrayList<>();
    for (IpPermission p : permissions) {
      String protocol = p.ipProtocol();
      int from = p.fromPort() == null ? -1 : p.fromPort();
      int to = p.toPort() == null ? -1 : p.toPort();
      p.userIdGroupPairs()
          .forEach(
              g ->
                  rules.add(
                      new Permission(protocol, from, to, g.groupId(), null, g.description())));
      p.ipRanges()
          .forEach(
              r ->
                  rules.add(new Permission(protocol, from, to, null, r.cidrIp(), r.description())));
      p.ipv6Ranges()
          .forEach(
              r ->
                  rules.add(
                      new Permission(protocol, from, to, null, r.cidrIpv6(), r.description())));
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
