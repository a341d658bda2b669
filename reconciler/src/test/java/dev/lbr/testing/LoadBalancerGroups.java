package dev.lbr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A load balancer's expected {@code securityGroups}: the set of roles of the groups attached to it
 * (a group with no role shows as its id), compared with the state view's group ids.
 */
final class LoadBalancerGroups {
  private LoadBalancerGroups() {}

  static List<String> differences(JsonNode expectedLbs, JsonNode actualLbs, GroupRoles roles) {
    List<String> problems = new ArrayList<>();
    for (JsonNode want : expectedLbs) {
      if (!want.has("securityGroups")) {
        continue;
      }
      String stack = want.path("stack").asText();
      for (JsonNode have : actualLbs) {
        if (stack.equals(have.path("stack").asText())) {
          TreeSet<String> expected = names(want.get("securityGroups"), roles);
          TreeSet<String> actual = names(have.path("securityGroups"), roles);
          if (!expected.equals(actual)) {
            problems.add(
                "lb[" + stack + "].securityGroups: expected " + expected + ", got " + actual);
          }
        }
      }
    }
    return problems;
  }

  private static TreeSet<String> names(JsonNode groups, GroupRoles roles) {
    TreeSet<String> names = new TreeSet<>();
    groups.forEach(g -> names.add(roles.nameOf(g.asText())));
    return names;
  }
}
