package dev.lbr.model;

import java.util.List;

/**
 * Read-only facts about the account that model building needs: the cluster's name, the VPC, its
 * subnets and security groups. Gathered by the AWS layer before building, so the builder itself
 * stays pure.
 */
public record ClusterFacts(
    String clusterName,
    String region,
    String vpcId,
    List<Subnet> subnets,
    List<SecurityGroupInfo> securityGroups) {
  public ClusterFacts {
    subnets = List.copyOf(subnets);
    securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
  }

  /** Facts without security groups (NLB stacks do not need them). */
  public ClusterFacts(String clusterName, String region, String vpcId, List<Subnet> subnets) {
    this(clusterName, region, vpcId, subnets, List.of());
  }
}
