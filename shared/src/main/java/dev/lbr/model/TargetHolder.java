package dev.lbr.model;

import java.util.List;
import java.util.Map;

/**
 * What EC2 says holds a target: the network interface holding a pod IP, or the instance of an
 * instance target. Whether it is the cluster's follows from its VPC and tags ({@code
 * plan.ClusterMembership}).
 *
 * @param id the interface id ({@code eni-…}) or the instance id
 * @param vpcId its VPC
 * @param instanceId the instance an interface is attached to (null: none), or the instance itself
 * @param tags its own tags
 * @param securityGroupIds an interface's groups; an instance's primary interface's
 * @param interfaceId the network interface (an instance's primary one)
 */
public record TargetHolder(
    String id,
    String vpcId,
    String instanceId,
    Map<String, String> tags,
    List<String> securityGroupIds,
    String interfaceId) {
  public TargetHolder {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
  }
}
