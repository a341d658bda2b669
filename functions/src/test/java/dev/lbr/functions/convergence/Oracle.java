package dev.lbr.functions.convergence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.aws.AwsClients;
import dev.lbr.aws.ClusterInventory;
import dev.lbr.k8s.Json;
import dev.lbr.model.Tags;
import dev.lbr.testing.DynamoDbLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * What "converged" means: the cluster's AWS state (load balancers, listeners, rules, target groups,
 * targets, managed security groups and their rules, recorded errors) equals what a fault-free apply
 * of the final objects into a second cluster produces, names and ids aside; exactly one load
 * balancer per stack and one security group per role (no duplicate); no stack the reference does
 * not have (no orphan); no lease still held.
 */
final class Oracle {
  private static final String RESOURCE_TAG = "elbv2.k8s.aws/resource";

  private Oracle() {}

  static List<String> problems(
      FunctionsUnderTest actual, FunctionsUnderTest reference, AwsClients test) {
    List<String> problems = new ArrayList<>();
    problems.addAll(duplicates(actual, test));
    problems.addAll(heldLeases(actual));
    JsonNode want = observe(reference, test);
    JsonNode have = observe(actual, test);
    diff("", want, have, problems);
    return problems;
  }

  /** Stacks with more than one load balancer, roles with more than one security group. */
  static List<String> duplicates(FunctionsUnderTest f, AwsClients test) {
    List<String> problems = new ArrayList<>();
    ClusterInventory.Inventory inv = f.lbr().inventory().read(f.cluster, false);
    for (ClusterInventory.StackResources s : inv.stacks()) {
      if (s.loadBalancers().size() > 1) {
        problems.add("duplicate: " + s.loadBalancers().size() + " load balancers for " + s.id());
      }
    }
    if (!inv.unstackedLoadBalancers().isEmpty() || !inv.unstackedTargetGroups().isEmpty()) {
      problems.add("resources tagged for the cluster without a stack tag");
    }
    Map<String, Long> roles =
        securityGroups(test, f.cluster).stream()
            .collect(
                Collectors.groupingBy(
                    g -> role(g, f.cluster), TreeMap::new, Collectors.counting()));
    roles.forEach(
        (role, n) -> {
          if (n > 1) {
            problems.add("duplicate: " + n + " security groups " + role);
          }
        });
    return problems;
  }

  /** Leases whose expiry is still ahead of the clock. */
  static List<String> heldLeases(FunctionsUnderTest f) {
    long now = f.clock.instant().toEpochMilli();
    return DynamoDbLocal.client()
        .query(
            q ->
                q.tableName(f.table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS(f.cluster + "#lease")))
                    .consistentRead(true))
        .items()
        .stream()
        .filter(i -> Long.parseLong(i.get("leaseUntil").n()) > now)
        .map(i -> "lease still held: " + i.get("sk").s())
        .toList();
  }

  /** The state view without names, ids and DNS names, security groups as roles; cluster masked. */
  static JsonNode observe(FunctionsUnderTest f, AwsClients test) {
    ObjectNode view = f.lbr().describe();
    List<SecurityGroup> groups = securityGroups(test, f.cluster);
    Map<String, String> roleById = new TreeMap<>();
    groups.forEach(g -> roleById.put(g.groupId(), role(g, f.cluster)));
    for (JsonNode lb : view.path("loadBalancers")) {
      ObjectNode o = (ObjectNode) lb;
      TreeSet<String> roles = new TreeSet<>();
      o.path("securityGroups")
          .forEach(id -> roles.add(roleById.getOrDefault(id.asText(), "other")));
      o.remove(List.of("name", "arn", "dnsName", "securityGroups"));
      ArrayNode r = o.putArray("securityGroupRoles");
      roles.forEach(r::add);
    }
    view.path("targetGroups").forEach(tg -> ((ObjectNode) tg).remove("name"));
    ArrayNode sgs = view.putArray("securityGroups");
    groups.stream()
        .sorted(java.util.Comparator.comparing(g -> role(g, f.cluster)))
        .forEach(
            g -> {
              ObjectNode n = sgs.addObject();
              n.put("role", role(g, f.cluster));
              n.put("description", g.description());
              ArrayNode rules = n.putArray("ingress");
              g.ipPermissions().stream()
                  .flatMap(
                      p ->
                          p.ipRanges().stream()
                              .map(
                                  r ->
                                      p.ipProtocol()
                                          + ":"
                                          + p.fromPort()
                                          + "-"
                                          + p.toPort()
                                          + ":"
                                          + r.cidrIp()))
                  .sorted()
                  .forEach(rules::add);
            });
    try {
      String text = Json.mapper().writeValueAsString(view).replace(f.cluster, "CLUSTER");
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<SecurityGroup> securityGroups(AwsClients test, String cluster) {
    return test
        .ec2()
        .describeSecurityGroupsPaginator(
            r -> r.filters(Filter.builder().name("tag:" + Tags.CLUSTER).values(cluster).build()))
        .securityGroups()
        .stream()
        .toList();
  }

  /** A group's role: its resource tag and stack tag values (the backend group has no stack). */
  private static String role(SecurityGroup g, String cluster) {
    Map<String, String> tags = new TreeMap<>();
    g.tags().forEach(t -> tags.put(t.key(), t.value()));
    String stack =
        tags.entrySet().stream()
            .filter(e -> e.getKey().endsWith("/stack"))
            .map(e -> e.getKey() + "=" + e.getValue())
            .findFirst()
            .orElse("cluster-wide");
    return tags.getOrDefault(RESOURCE_TAG, "?") + " " + stack;
  }

  private static void diff(String path, JsonNode want, JsonNode have, List<String> problems) {
    if (problems.size() > 20) {
      return;
    }
    if (want.isObject() && have.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      want.fieldNames().forEachRemaining(names::add);
      have.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(path + "." + n, want.path(n), have.path(n), problems);
      }
    } else if (want.isArray() && have.isArray() && want.size() == have.size()) {
      Iterator<JsonNode> w = want.elements();
      Iterator<JsonNode> h = have.elements();
      for (int i = 0; w.hasNext(); i++) {
        diff(path + "[" + i + "]", w.next(), h.next(), problems);
      }
    } else if (!want.equals(have)) {
      problems.add(path + ": expected " + want + " but found " + have);
    }
  }
}
