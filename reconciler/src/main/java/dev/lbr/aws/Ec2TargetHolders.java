package dev.lbr.aws;

import dev.lbr.aws.TargetNetworkGateway.Interface;
import dev.lbr.model.TargetHolder;
import dev.lbr.plan.IpPrefixes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import software.amazon.awssdk.services.ec2.model.Ipv4PrefixSpecification;
import software.amazon.awssdk.services.ec2.model.Ipv6PrefixSpecification;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/**
 * Who holds a target, read from EC2 in batches: the interfaces holding pod IPs as addresses, the
 * instances whose interfaces hold them in delegated prefixes ({@code /28}, {@code /80}), and
 * instances with their primary interfaces. The read half of {@link SdkTargetNetworkGateway}.
 */
final class Ec2TargetHolders {
  private static final int FILTER_VALUES = 200;

  private final Ec2Client ec2;

  Ec2TargetHolders(Ec2Client ec2) {
    this.ec2 = ec2;
  }

  Map<String, Interface> interfacesByAddress(String vpcId, Collection<String> ips) {
    Map<String, Interface> byIp = new TreeMap<>();
    byAddress(vpcId, ips, (ip, eni) -> byIp.put(ip, toInterface(eni)));
    return byIp;
  }

  Map<String, List<TargetHolder>> addressHolders(Collection<String> ips) {
    Map<String, List<TargetHolder>> byIp = new TreeMap<>();
    byAddress(
        null,
        ips,
        (ip, eni) -> byIp.computeIfAbsent(ip, k -> new ArrayList<>()).add(toHolder(eni)));
    return byIp;
  }

  List<TargetHolder> prefixHolders(Collection<String> ips) {
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
        List<Filter> filters = new ArrayList<>(List.of(filter(family.getKey(), batch)));
        filters.addAll(inVpc(vpcId));
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

  Map<String, TargetHolder> instances(Collection<String> instanceIds) {
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

  Map<String, Interface> primaryInterfaces(Collection<String> instanceIds) {
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

  /** At most {@value #FILTER_VALUES} values per filter, as EC2 takes them. */
  static List<List<String>> batches(Collection<String> values) {
    List<String> all = List.copyOf(values);
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += FILTER_VALUES) {
      out.add(all.subList(i, Math.min(all.size(), i + FILTER_VALUES)));
    }
    return out;
  }

  static Filter filter(String name, List<String> values) {
    return Filter.builder().name(name).values(values).build();
  }

  /**
   * The filters that keep a describe call to the VPC: none when {@code vpcId} is null (the whole
   * region). A request is sent without filters rather than with an empty list (see {@link
   * #unlessEmpty}).
   */
  static List<Filter> inVpc(String vpcId) {
    return vpcId == null ? List.of() : List.of(filter("vpc-id", List.of(vpcId)));
  }

  /** {@code filters}, or null, which leaves a request's filters unset, when there are none. */
  static List<Filter> unlessEmpty(List<Filter> filters) {
    return filters.isEmpty() ? null : filters;
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
}
