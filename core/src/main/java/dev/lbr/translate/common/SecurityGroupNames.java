package dev.lbr.translate.common;

import dev.lbr.model.ClusterFacts;
import dev.lbr.model.SecurityGroupInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Security groups named in an annotation, as ids (LBC's {@code ResolveViaNameOrID}): IDs first, as
 * given, then the groups whose Name tag matches in the cluster's VPC, each once. Shared by the NLB
 * and ALB builders; each says which annotation was at fault.
 */
public final class SecurityGroupNames {
  private SecurityGroupNames() {}

  /**
   * @param invalid makes the error for a problem (a name no group of the VPC has)
   */
  public static List<String> resolve(
      List<String> nameOrIds, ClusterFacts facts, Function<String, RuntimeException> invalid) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> names = new ArrayList<>();
    for (String s : nameOrIds) {
      if (s.startsWith("sg-")) {
        ids.add(s);
      } else if (!names.contains(s)) {
        names.add(s);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      List<String> found =
          facts.securityGroups().stream()
              .filter(g -> name.equals(g.name()) && facts.vpcId().equals(g.vpcId()))
              .map(SecurityGroupInfo::groupId)
              .sorted()
              .toList();
      if (found.isEmpty()) {
        missing.add(name);
      }
      ids.addAll(found);
    }
    if (!missing.isEmpty()) {
      throw invalid.apply(
          "couldn't find all security groups: no security group named "
              + missing
              + " in "
              + facts.vpcId());
    }
    return List.copyOf(ids);
  }
}
