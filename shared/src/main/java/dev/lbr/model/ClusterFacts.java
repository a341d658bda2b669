package dev.lbr.model;

import java.util.List;

/**
 * Read-only facts about the account that model building needs: the cluster's name, the VPC, its
 * subnets. Gathered by the AWS layer before building, so the builder itself stays pure.
 */
public record ClusterFacts(String clusterName, String region, String vpcId, List<Subnet> subnets) {
  public ClusterFacts {
    subnets = List.copyOf(subnets);
  }
}
