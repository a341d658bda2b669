package dev.lbr.model;

import java.util.List;

/**
 * How a stack's load balancer reaches its targets (LBC's backend security group and
 * TargetGroupBinding networking).
 *
 * @param backendSecurityGroup whether the load balancer carries the cluster's shared backend
 *     security group (attached after its other groups)
 * @param targetGroups the rules the targets' security groups need, with security groups on the load
 *     balancer
 * @param withoutSecurityGroups the rules instead, when the load balancer has no security groups (an
 *     NLB created without them keeps none: LBC's CIDR-based fallback)
 */
public record StackNetworking(
    boolean backendSecurityGroup,
    List<TargetGroupNetworking> targetGroups,
    List<TargetGroupNetworking> withoutSecurityGroups) {
  public static final StackNetworking NONE = new StackNetworking(false, List.of(), List.of());

  public StackNetworking {
    targetGroups = List.copyOf(targetGroups);
    withoutSecurityGroups = List.copyOf(withoutSecurityGroups);
  }
}
