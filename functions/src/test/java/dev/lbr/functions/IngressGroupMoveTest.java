package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Moving an Ingress to another group, or deleting a member, leaves nothing behind in the old ALB.
 */
class IngressGroupMoveTest {

  private static String cluster(String shopGroup, boolean withAdmin) {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: alb, resourceVersion: "1"}
            spec: {controller: ingress.k8s.aws/alb}
            """);
    for (String svc : List.of("shop", "admin")) {
      yaml.append(
          """
          ---
          apiVersion: v1
          kind: Service
          metadata: {namespace: web, name: %1$s, uid: uid-%1$s, resourceVersion: "2"}
          spec: {type: ClusterIP, ports: [{port: 80, targetPort: 8080}]}
          ---
          apiVersion: discovery.k8s.io/v1
          kind: EndpointSlice
          metadata:
            namespace: web
            name: %1$s-abcde
            resourceVersion: "3"
            labels: {kubernetes.io/service-name: %1$s}
          addressType: IPv4
          ports: [{name: "", port: 8080, protocol: TCP}]
          endpoints:
            - addresses: ["10.0.1.%2$d"]
              conditions: {ready: true, serving: true, terminating: false}
          """
              .formatted(svc, svc.equals("shop") ? 10 : 20));
    }
    yaml.append(ingress("shop", shopGroup, "/shop"));
    if (withAdmin) {
      yaml.append(ingress("admin", "blue", "/admin"));
    }
    return yaml.toString();
  }

  private static String ingress(String name, String group, String path) {
    return """
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          namespace: web
          name: %1$s
          uid: uid-ing-%1$s
          resourceVersion: "%4$d"
          annotations:
            alb.ingress.kubernetes.io/group.name: %2$s
            alb.ingress.kubernetes.io/target-type: ip
        spec:
          ingressClassName: alb
          rules:
          - http:
              paths:
              - {path: %3$s, pathType: Prefix, backend: {service: {name: %1$s, port: {number: 80}}}}
        """
        .formatted(name, group, path, group.equals("blue") ? 10 : 11);
  }

  private static Path write(String yaml) throws Exception {
    Path file = Files.createTempFile("cluster", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void theMovedIngressTakesItsRuleAndTargetGroupAlong() throws Exception {
    Harness h = new Harness();
    assertThat(h.step(write(cluster("blue", true))).batchItemFailures()).isEmpty();
    assertThat(rulePaths(h.state(), "blue")).containsExactlyInAnyOrder("/admin", "/shop");

    assertThat(h.step(write(cluster("green", true))).batchItemFailures()).isEmpty();

    JsonNode state = h.state();
    assertThat(rulePaths(state, "blue")).containsExactly("/admin");
    assertThat(rulePaths(state, "green")).containsExactly("/shop");
    assertThat(targetGroupKeys(state))
        .containsExactlyInAnyOrder("tg:web/admin-admin:80", "tg:web/shop-shop:80");
  }

  @Test
  void deletingTheLastMemberDeletesTheGroupsAlb() throws Exception {
    Harness h = new Harness();
    h.step(write(cluster("green", true)));

    assertThat(h.step(write(cluster("green", false))).batchItemFailures()).isEmpty();

    JsonNode state = h.state();
    assertThat(rulePaths(state, "blue")).isEmpty();
    assertThat(stacks(state)).containsExactly("green");
    assertThat(targetGroupKeys(state)).containsExactly("tg:web/shop-shop:80");
  }

  private static List<String> stacks(JsonNode state) {
    List<String> out = new ArrayList<>();
    state.path("loadBalancers").forEach(lb -> out.add(lb.path("stack").asText()));
    return out;
  }

  /** The path-pattern values of every rule of the group's ALB (none when it has no ALB). */
  private static List<String> rulePaths(JsonNode state, String group) {
    List<String> paths = new ArrayList<>();
    for (JsonNode lb : state.path("loadBalancers")) {
      if (!lb.path("stack").asText().equals(group)) {
        continue;
      }
      for (JsonNode listener : lb.path("listeners")) {
        for (JsonNode rule : listener.path("rules")) {
          for (JsonNode condition : rule.path("conditions")) {
            JsonNode values = condition.path("PathPatternConfig").path("Values");
            if (!values.isEmpty()) {
              paths.add(values.get(0).asText());
            }
          }
        }
      }
    }
    return paths;
  }

  private static List<String> targetGroupKeys(JsonNode state) {
    List<String> keys = new ArrayList<>();
    state.path("targetGroups").forEach(tg -> keys.add(tg.path("key").asText()));
    return keys;
  }
}
