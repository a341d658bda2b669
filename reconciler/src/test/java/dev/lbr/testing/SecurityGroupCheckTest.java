package dev.lbr.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.emulator.GroupRule;
import dev.lbr.emulator.NetworkSpec;
import dev.lbr.emulator.PreparedNetwork;
import dev.lbr.emulator.PreparedNetwork.PreparedEni;
import dev.lbr.k8s.Json;
import dev.lbr.testing.SecurityGroupSnapshot.ActualGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SecurityGroupCheck} on small documents: one base network, actual state and expectation
 * that agree, and per case a patch of the expectation and of the actual state (objects merge,
 * arrays replace, null removes) with the lines it must yield.
 */
class SecurityGroupCheckTest {
  private static final String NETWORK =
      """
      {"securityGroups": {
         "node-sg": {"name": "eks-nodes", "description": "nodes",
                     "tags": {"kubernetes.io/cluster/scen": "owned"},
                     "rules": [{"protocol": "all", "from": "node-sg", "description": "node to node"}]},
         "decoy-sg": {"name": "decoy", "description": "decoy",
                      "rules": [{"protocol": "tcp", "port": 9090, "cidr": "10.0.0.0/8",
                                 "description": "elbv2.k8s.aws/targetGroupBinding=shared"}]}},
       "nodes": {"node-a": {"privateIp": "192.168.200.11", "securityGroups": ["node-sg", "decoy-sg"]}},
       "enis": [{"name": "pod-0", "privateIp": "192.168.200.21", "attachTo": "node-a",
                 "securityGroups": ["node-sg", "decoy-sg"]}]}
      """;

  private static final PreparedNetwork PREPARED =
      new PreparedNetwork(
          NetworkSpec.parse(json(NETWORK)),
          Map.of("node-sg", "sg-node", "decoy-sg", "sg-decoy"),
          Map.of("node-a", "i-a"),
          Map.of("node-a", "us-east-1a"),
          List.of(
              new PreparedEni("node node-a", "eni-a", List.of("node-sg", "decoy-sg"), null),
              new PreparedEni("eni pod-0", "eni-p", List.of("node-sg", "decoy-sg"), "i-a")));

  private static final String ACTUAL =
      """
      {"groups": {
         "sg-node": {"name": "eks-nodes", "description": "nodes",
                     "tags": {"kubernetes.io/cluster/scen": "owned"},
                     "rules": [{"protocol": "-1", "from": "sg-node", "description": "node to node"},
                               {"protocol": "tcp", "fromPort": 8080, "toPort": 32456, "from": "sg-back",
                                "description": "elbv2.k8s.aws/targetGroupBinding=shared"}]},
         "sg-decoy": {"name": "decoy", "description": "decoy", "tags": {},
                      "rules": [{"protocol": "tcp", "fromPort": 9090, "toPort": 9090, "cidr": "10.0.0.0/8",
                                 "description": "elbv2.k8s.aws/targetGroupBinding=shared"}]},
         "sg-back": {"name": "k8s-traffic-scen-1a6fd08d24",
                     "description": "[k8s] Shared Backend SecurityGroup for LoadBalancer",
                     "tags": {"elbv2.k8s.aws/cluster": "scen", "elbv2.k8s.aws/resource": "backend-sg"},
                     "rules": []},
         "sg-front": {"name": "k8s-shop-web-0123456789",
                      "description": "[k8s] Managed SecurityGroup for LoadBalancer",
                      "tags": {"elbv2.k8s.aws/cluster": "scen", "ingress.k8s.aws/stack": "shop/web",
                               "ingress.k8s.aws/resource": "ManagedLBSecurityGroup"},
                      "rules": [{"protocol": "tcp", "port": 80, "cidr": "0.0.0.0/0"}]}},
       "enis": {"eni-a": ["sg-node", "sg-decoy"], "eni-p": ["sg-node", "sg-decoy"]},
       "loadBalancers": [{"stack": "shop/web", "securityGroups": ["sg-front", "sg-back"]}]}
      """;

  private static final String EXPECTED =
      """
      {"loadBalancers": [{"stack": "shop/web", "securityGroups": ["frontend:shop/web", "backend"]}],
       "securityGroups": {
         "backend": {"name": "k8s-traffic-scen-1a6fd08d24",
                     "description": "[k8s] Shared Backend SecurityGroup for LoadBalancer",
                     "tags": {"elbv2.k8s.aws/cluster": "scen", "elbv2.k8s.aws/resource": "backend-sg"},
                     "rules": []},
         "frontend:shop/web": {"rules": [{"protocol": "tcp", "port": 80, "cidr": "0.0.0.0/0"}]},
         "node-sg": {"withPreparedRules": true,
                     "rules": [{"protocol": "tcp", "fromPort": 8080, "toPort": 32456, "from": "backend",
                                "description": "elbv2.k8s.aws/targetGroupBinding=shared"}]},
         "decoy-sg": {"untouched": true}}}
      """;

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("everything as expected", "{}", "{}", List.of()),
        arguments(
            "a group of a literal id in an expected rule is known by its role",
            """
            {"securityGroups": {"node-sg": {"rules": [{"protocol": "tcp", "fromPort": 8080,
              "toPort": 32456, "from": "sg-back"}]}}}
            """,
            "{}",
            List.of()),
        arguments(
            "no backend group: missing, and it is gone from the load balancer and the rule",
            "{}",
            """
            {"groups": {"sg-back": null},
             "loadBalancers": [{"stack": "shop/web", "securityGroups": ["sg-front"]}]}
            """,
            List.of(
                "lb[shop/web].securityGroups: expected [backend, frontend:shop/web], got"
                    + " [frontend:shop/web]",
                "sg[backend]: missing (no group tagged elbv2.k8s.aws/cluster=scen,"
                    + " elbv2.k8s.aws/resource=backend-sg, none named k8s-traffic-scen-1a6fd08d24)",
                "sg[node-sg].rules: missing ['tcp 8080-32456 from backend']",
                "sg[node-sg].rules: unexpected ['tcp 8080-32456 from sg-back']")),
        arguments(
            "a group with the backend's name but not its tags is found by name and shows tag diffs",
            "{\"loadBalancers\": []}",
            """
            {"groups": {"sg-back": {"tags": {"elbv2.k8s.aws/resource": null}}}}
            """,
            List.of(
                "sg[backend].tags.elbv2.k8s.aws/resource: expected 'backend-sg' but found nothing",
                "sg[node-sg].rules: missing ['tcp 8080-32456 from backend']",
                "sg[node-sg].rules: unexpected ['tcp 8080-32456 from sg-back']")),
        arguments(
            "a frontend group that should be gone",
            "{\"securityGroups\": {\"frontend:shop/web\": {\"absent\": true}}}",
            "{}",
            List.of(
                "sg[frontend:shop/web]: expected no such group, found sg-front"
                    + " (k8s-shop-web-0123456789)")),
        arguments(
            "a group that should be gone is also looked up by its name",
            """
            {"securityGroups": {"frontend:shop/gone": {"absent": true, "name": "k8s-shop-gone"}}}
            """,
            """
            {"groups": {"sg-old": {"name": "k8s-shop-gone", "description": "old", "tags": {},
              "rules": []}}}
            """,
            List.of(
                "sg[frontend:shop/gone]: expected no such group, found sg-old (k8s-shop-gone)")),
        arguments(
            "a rule's description is checked where the expectation gives one",
            "{}",
            """
            {"groups": {"sg-node": {"rules": [
               {"protocol": "-1", "from": "sg-node", "description": "node to node"},
               {"protocol": "tcp", "fromPort": 8080, "toPort": 32456, "from": "sg-back",
                "description": "other"}]}}}
            """,
            List.of(
                "sg[node-sg].rules['tcp 8080-32456 from backend'].description: expected"
                    + " 'elbv2.k8s.aws/targetGroupBinding=shared' but found 'other'")),
        arguments(
            "and not where it gives none",
            "{}",
            """
            {"groups": {"sg-front": {"rules": [{"protocol": "tcp", "port": 80, "cidr": "0.0.0.0/0",
              "description": "anything"}]}}}
            """,
            List.of()),
        arguments(
            "with prepared rules, a lost network.json rule is missing",
            "{}",
            """
            {"groups": {"sg-node": {"rules": [
               {"protocol": "tcp", "fromPort": 8080, "toPort": 32456, "from": "sg-back",
                "description": "elbv2.k8s.aws/targetGroupBinding=shared"}]}}}
            """,
            List.of("sg[node-sg].rules: missing ['all from node-sg']")),
        arguments(
            "an untouched group that was tagged and given a rule",
            "{}",
            """
            {"groups": {"sg-decoy": {"tags": {"team": "x"}, "rules": [
               {"protocol": "tcp", "port": 9090, "cidr": "10.0.0.0/8",
                "description": "elbv2.k8s.aws/targetGroupBinding=shared"},
               {"protocol": "udp", "fromPort": 53, "toPort": 54, "cidr": "::/0"}]}}}
            """,
            List.of(
                "sg[decoy-sg].tags: expected exactly {} but found {team=x}",
                "sg[decoy-sg].rules: unexpected ['udp 53-54 from ::/0']")),
        arguments(
            "an untouched group's rule descriptions are all checked",
            "{}",
            """
            {"groups": {"sg-decoy": {"rules": [{"protocol": "tcp", "port": 9090, "cidr": "10.0.0.0/8"}]}}}
            """,
            List.of(
                "sg[decoy-sg].rules['tcp 9090 from 10.0.0.0/8'].description: expected"
                    + " 'elbv2.k8s.aws/targetGroupBinding=shared' but found ''")),
        arguments(
            "groups tagged with the cluster and no expected role are unexpected",
            "{}",
            """
            {"groups": {
               "sg-x": {"name": "k8s-default-x", "description": "d", "rules": [],
                        "tags": {"elbv2.k8s.aws/cluster": "scen", "service.k8s.aws/stack": "default/x",
                                 "service.k8s.aws/resource": "ManagedLBSecurityGroup"}},
               "sg-y": {"name": "y", "description": "d", "rules": [],
                        "tags": {"elbv2.k8s.aws/cluster": "scen"}},
               "sg-z": {"name": "z", "description": "d", "rules": [],
                        "tags": {"elbv2.k8s.aws/cluster": "other", "elbv2.k8s.aws/resource": "backend-sg"}}}}
            """,
            List.of(
                "unexpected security group sg-x (k8s-default-x) as frontend:default/x",
                "unexpected security group sg-y (y)")),
        arguments(
            "without expected securityGroups, groups are not checked",
            "{\"securityGroups\": null, \"loadBalancers\": []}",
            """
            {"groups": {"sg-y": {"name": "y", "description": "d", "rules": [],
                                 "tags": {"elbv2.k8s.aws/cluster": "scen"}},
                        "sg-back": null}}
            """,
            List.of()),
        arguments(
            "a load balancer's group without a role shows as its id",
            "{}",
            """
            {"loadBalancers": [{"stack": "shop/web", "securityGroups": ["sg-front", "sg-back", "sg-user"]}]}
            """,
            List.of(
                "lb[shop/web].securityGroups: expected [backend, frontend:shop/web], got"
                    + " [backend, frontend:shop/web, sg-user]")),
        arguments(
            "a prepared ENI that lost a group, in any step",
            "{\"securityGroups\": null}",
            "{\"enis\": {\"eni-p\": [\"sg-node\"]}}",
            List.of(
                "network: eni pod-0 (eni-p) groups: expected [decoy-sg, node-sg], got [node-sg]")),
        arguments(
            "a node's primary ENI that gained a group",
            "{}",
            "{\"enis\": {\"eni-a\": [\"sg-node\", \"sg-decoy\", \"sg-back\"]}}",
            List.of(
                "network: node node-a (eni-a) groups: expected [decoy-sg, node-sg], got"
                    + " [decoy-sg, node-sg, sg-back]")),
        arguments(
            "a prepared ENI that is gone",
            "{}",
            "{\"enis\": {\"eni-p\": null}}",
            List.of("network: eni pod-0 (eni-p) is gone")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseYieldsExactlyItsLines(
      String name, String expectedPatch, String actualPatch, List<String> lines) {
    JsonNode expected = patch(json(EXPECTED), json(expectedPatch));
    JsonNode actual = patch(json(ACTUAL), json(actualPatch));

    List<String> differences =
        SecurityGroupCheck.differences(expected, actual, snapshot(actual), PREPARED, "scen");

    assertThat(differences).containsExactlyElementsOf(lines);
  }

  private static SecurityGroupSnapshot snapshot(JsonNode actual) {
    List<ActualGroup> groups = new ArrayList<>();
    actual
        .path("groups")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode g = e.getValue();
              Map<String, String> tags = new TreeMap<>();
              g.path("tags")
                  .fields()
                  .forEachRemaining(t -> tags.put(t.getKey(), t.getValue().asText()));
              List<GroupRule> rules = new ArrayList<>();
              g.path("rules").forEach(r -> rules.add(GroupRule.parse(r)));
              groups.add(
                  new ActualGroup(
                      e.getKey(),
                      g.path("name").asText(),
                      g.path("description").asText(),
                      tags,
                      rules));
            });
    Map<String, List<String>> enis = new TreeMap<>();
    actual
        .path("enis")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> ids = new ArrayList<>();
              e.getValue().forEach(id -> ids.add(id.asText()));
              enis.put(e.getKey(), ids);
            });
    return new SecurityGroupSnapshot(groups, enis);
  }

  /** Objects merge, arrays and values replace, null removes. */
  private static JsonNode patch(JsonNode base, JsonNode patch) {
    if (!base.isObject() || !patch.isObject()) {
      return patch;
    }
    ObjectNode merged = ((ObjectNode) base).deepCopy();
    patch
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isNull()) {
                merged.remove(e.getKey());
              } else {
                merged.set(e.getKey(), patch(merged.path(e.getKey()), e.getValue()));
              }
            });
    return merged;
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
