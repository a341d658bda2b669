package dev.lbr.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario's {@code network.json} (scenarios/README.md, "The cluster's network"): the EC2 state
 * of a real cluster, created after the VPC and its subnets, before the first step. Every key is
 * optional; maps keep the file's order, which is the order things are created in.
 */
public record NetworkSpec(
    List<String> cidrBlocks,
    List<SubnetSpec> subnets,
    Map<String, GroupSpec> securityGroups,
    Map<String, NodeSpec> nodes,
    List<EniSpec> enis) {
  public static final String FILE = "network.json";

  public NetworkSpec {
    cidrBlocks = List.copyOf(cidrBlocks);
    subnets = List.copyOf(subnets);
    securityGroups = Collections.unmodifiableMap(new LinkedHashMap<>(securityGroups));
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    enis = List.copyOf(enis);
  }

  /** An extra subnet, created untagged so that subnet discovery ignores it. */
  public record SubnetSpec(String cidr, String zone) {}

  /**
   * A group of the role it is keyed by; {@code name} defaults to the role, the description to it.
   */
  public record GroupSpec(
      String name, String description, Map<String, String> tags, List<GroupRule> rules) {
    public GroupSpec {
      tags = Collections.unmodifiableMap(new TreeMap<>(tags));
      rules = List.copyOf(rules);
    }
  }

  /** A running instance whose primary ENI has {@code privateIp} and the groups of these roles. */
  public record NodeSpec(String privateIp, List<String> securityGroups, String instanceType) {
    public NodeSpec {
      securityGroups = List.copyOf(securityGroups);
    }
  }

  /** An ENI with {@code privateIp} as its primary address, attached to a node's instance or not. */
  public record EniSpec(
      String name,
      String privateIp,
      List<String> secondaryIps,
      String attachTo,
      List<String> securityGroups) {
    public EniSpec {
      secondaryIps = List.copyOf(secondaryIps);
      securityGroups = List.copyOf(securityGroups);
    }
  }

  /** The cluster the scenario files are written for: {@code kubernetes.io/cluster/scen}. */
  public static final String SCENARIO_CLUSTER = "scen";

  private static final String CLUSTER_TAG = "kubernetes.io/cluster/";

  public static NetworkSpec empty() {
    return new NetworkSpec(List.of(), List.of(), Map.of(), Map.of(), List.of());
  }

  /**
   * The network of a scenario folder: its {@code network.json}, else none. (A scenario without one
   * would get a network synthesized from its manifests, as the README describes; every scenario
   * here has one, so that is not implemented yet.)
   */
  public static NetworkSpec forScenario(Path dir) {
    Path file = dir.resolve(FILE);
    return Files.exists(file) ? read(file) : empty();
  }

  /**
   * The same network for a cluster with another name: group tags {@code kubernetes.io/cluster/scen}
   * become {@code kubernetes.io/cluster/<cluster>} (instances are tagged with the cluster they are
   * built for anyway).
   */
  public NetworkSpec withCluster(String cluster) {
    Map<String, GroupSpec> groups = new LinkedHashMap<>();
    securityGroups.forEach(
        (role, g) -> {
          Map<String, String> tags = new TreeMap<>();
          g.tags()
              .forEach(
                  (k, v) ->
                      tags.put(
                          k.equals(CLUSTER_TAG + SCENARIO_CLUSTER) ? CLUSTER_TAG + cluster : k, v));
          groups.put(role, new GroupSpec(g.name(), g.description(), tags, g.rules()));
        });
    return new NetworkSpec(cidrBlocks, subnets, groups, nodes, enis);
  }

  /**
   * One cluster's network holding this one and {@code other} (e.g. several scenarios walked in one
   * cluster): blocks, subnets, groups, nodes and ENIs of both, in order, each once. A group role,
   * node name or ENI address that both define must be defined the same; else it is an error.
   */
  public NetworkSpec union(NetworkSpec other) {
    List<String> blocks = new ArrayList<>(cidrBlocks);
    other.cidrBlocks.stream().filter(b -> !blocks.contains(b)).forEach(blocks::add);
    List<SubnetSpec> allSubnets = new ArrayList<>(subnets);
    other.subnets.stream().filter(s -> !allSubnets.contains(s)).forEach(allSubnets::add);
    Map<String, GroupSpec> groups = merged(securityGroups, other.securityGroups, "security group");
    Map<String, NodeSpec> allNodes = merged(nodes, other.nodes, "node");
    Map<String, EniSpec> byIp = new LinkedHashMap<>();
    enis.forEach(e -> byIp.put(e.privateIp(), e));
    Map<String, EniSpec> otherByIp = new LinkedHashMap<>();
    other.enis.forEach(e -> otherByIp.put(e.privateIp(), e));
    List<EniSpec> allEnis = List.copyOf(merged(byIp, otherByIp, "eni with the address").values());
    return new NetworkSpec(blocks, allSubnets, groups, allNodes, allEnis);
  }

  private static <T> Map<String, T> merged(Map<String, T> a, Map<String, T> b, String what) {
    Map<String, T> all = new LinkedHashMap<>(a);
    b.forEach(
        (key, value) -> {
          T previous = all.putIfAbsent(key, value);
          if (previous != null && !previous.equals(value)) {
            throw new IllegalArgumentException(
                FILE + ": " + what + " " + key + " is defined twice, differently");
          }
        });
    return all;
  }

  public static NetworkSpec read(Path file) {
    try {
      return parse(Json.mapper().readTree(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static NetworkSpec parse(JsonNode root) {
    List<SubnetSpec> subnets = new ArrayList<>();
    root.path("subnets")
        .forEach(s -> subnets.add(new SubnetSpec(required(s, "cidr"), required(s, "zone"))));
    Map<String, GroupSpec> groups = new LinkedHashMap<>();
    root.path("securityGroups").fields().forEachRemaining(g -> groups.put(g.getKey(), group(g)));
    Map<String, NodeSpec> nodes = new LinkedHashMap<>();
    root.path("nodes")
        .fields()
        .forEachRemaining(
            n ->
                nodes.put(
                    n.getKey(),
                    new NodeSpec(
                        required(n.getValue(), "privateIp"),
                        strings(n.getValue().path("securityGroups")),
                        n.getValue().path("instanceType").asText("t3.medium"))));
    List<EniSpec> enis = new ArrayList<>();
    root.path("enis")
        .forEach(
            e ->
                enis.add(
                    new EniSpec(
                        e.path("name").asText("eni-" + required(e, "privateIp")),
                        required(e, "privateIp"),
                        strings(e.path("secondaryIps")),
                        e.hasNonNull("attachTo") ? e.get("attachTo").asText() : null,
                        strings(e.path("securityGroups")))));
    return new NetworkSpec(strings(root.path("cidrBlocks")), subnets, groups, nodes, enis);
  }

  private static GroupSpec group(Map.Entry<String, JsonNode> entry) {
    JsonNode g = entry.getValue();
    String name = g.path("name").asText(entry.getKey());
    Map<String, String> tags = new TreeMap<>();
    g.path("tags").fields().forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
    List<GroupRule> rules = new ArrayList<>();
    g.path("rules").forEach(r -> rules.add(GroupRule.parse(r)));
    return new GroupSpec(name, g.path("description").asText(name), tags, rules);
  }

  private static List<String> strings(JsonNode array) {
    List<String> list = new ArrayList<>();
    array.forEach(v -> list.add(v.asText()));
    return list;
  }

  private static String required(JsonNode node, String field) {
    if (!node.hasNonNull(field)) {
      throw new IllegalArgumentException(FILE + ": " + node + " has no " + field);
    }
    return node.get(field).asText();
  }
}
