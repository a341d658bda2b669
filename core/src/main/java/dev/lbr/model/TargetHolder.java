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
 * @param prefixes an interface's delegated IPv4 and IPv6 prefixes ({@code 10.0.3.16/28}); the
 *     addresses in them are its pods' too
 */
public record TargetHolder(
    String id,
    String vpcId,
    String instanceId,
    Map<String, String> tags,
    List<String> securityGroupIds,
    String interfaceId,
    List<String> prefixes) {
  public TargetHolder {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
    prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
  }

  /** A holder without delegated prefixes. */
  public TargetHolder(
      String id,
      String vpcId,
      String instanceId,
      Map<String, String> tags,
      List<String> securityGroupIds,
      String interfaceId) {
    this(id, vpcId, instanceId, tags, securityGroupIds, interfaceId, List.of());
  }
}
