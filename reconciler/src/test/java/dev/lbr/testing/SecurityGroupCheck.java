package dev.lbr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.emulator.PreparedNetwork;
import java.util.ArrayList;
import java.util.List;

/**
 * The security group half of a step's comparison (scenarios/README.md, "Security groups"): the
 * prepared ENIs keep their groups (every step); load balancers' {@code securityGroups} as sets of
 * roles; the expected {@code securityGroups} roles, and no unexpected cluster-tagged group (only
 * where the expected file has {@code securityGroups}). Pure; {@link SecurityGroupSnapshot} reads.
 */
public final class SecurityGroupCheck {
  private SecurityGroupCheck() {}

  /** Whether the expectation needs the VPC's groups read (not only the prepared ENIs). */
  public static boolean needsGroups(JsonNode expected) {
    if (expected.has("securityGroups")) {
      return true;
    }
    for (JsonNode lb : expected.path("loadBalancers")) {
      if (lb.has("securityGroups")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The differences, one line each. {@code stateView} is the state view ({@code StateView}), whose
   * load balancers list their group ids; {@code cluster} is the cluster's name.
   */
  public static List<String> differences(
      JsonNode expected,
      JsonNode stateView,
      SecurityGroupSnapshot actual,
      PreparedNetwork network,
      String cluster) {
    List<String> problems = new ArrayList<>(EniGroups.differences(network, actual.eniGroups()));
    GroupRoles roles = new GroupRoles(cluster, network, actual.groups());
    problems.addAll(
        LoadBalancerGroups.differences(
            expected.path("loadBalancers"), stateView.path("loadBalancers"), roles));
    if (expected.has("securityGroups")) {
      problems.addAll(
          ExpectedSecurityGroups.differences(expected.get("securityGroups"), roles, network));
    }
    return problems;
  }
}
