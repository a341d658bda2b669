package dev.lbr.aws;

import dev.lbr.model.Permission;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.TargetHolder;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EC2 calls behind the targets' networking: which network interface (and so which security
 * groups) a target uses, the rules on those groups, and the cluster's backend security group.
 */
public interface TargetNetworkGateway {

  /** A network interface: its id and the ids of its security groups. */
  record Interface(String id, List<String> securityGroupIds) {
    public Interface {
      securityGroupIds = List.copyOf(securityGroupIds);
    }
  }

  /**
   * The interfaces of the VPC holding these private IPs (any of their IPv4 or IPv6 addresses), by
   * IP; one call per 200 addresses of a family. IPs held by no interface are absent.
   */
  Map<String, Interface> interfacesByAddress(String vpcId, Collection<String> ips);

  /**
   * The interfaces holding these private IPs in any VPC (any of their IPv4 or IPv6 addresses, not
   * their prefixes), by IP, with their VPC, attachment, tags and groups; one call per 200 addresses
   * of a family. IPs held by none absent.
   */
  Map<String, List<TargetHolder>> addressHolders(Collection<String> ips);

  /**
   * The instances' interfaces, in any VPC, with a delegated prefix that may hold one of these IPs
   * (the {@code /28} or {@code /80} around it), with their VPC, instance, groups and prefixes (not
   * their own tags: DescribeInstances has none); one call per 200 prefixes of a family. Which IP a
   * prefix holds is for the caller to check.
   */
  List<TargetHolder> prefixHolders(Collection<String> ips);

  /** The instances, by id, with their VPC, tags and primary interface; unknown ones absent. */
  Map<String, TargetHolder> instances(Collection<String> instanceIds);

  /** Each instance's primary interface (device index 0), by instance id; unknown ones absent. */
  Map<String, Interface> primaryInterfaces(Collection<String> instanceIds);

  /** The tags of each group, by id; groups that do not exist are absent. */
  Map<String, Map<String, String>> securityGroupTags(Collection<String> groupIds);

  /** Ids of the VPC's groups whose tag {@code key} has one of {@code values}. */
  List<String> securityGroupsTagged(String vpcId, String key, Collection<String> values);

  /**
   * The inbound rules of each group, one source each (security group or CIDR), descriptions
   * included; groups that do not exist are absent.
   */
  Map<String, List<Permission>> ingressRules(Collection<String> groupIds);

  /** Adds the rules, with their descriptions, in one call. A rule already there is done. */
  void authorize(String groupId, List<Permission> rules);

  /** Removes the rules in one call. Rules (or a group) already gone are done. */
  void revoke(String groupId, List<Permission> rules);

  /** The id of the VPC's group carrying all these tags (the lowest id if several). */
  Optional<String> findSecurityGroup(String vpcId, Map<String, String> tags);

  /**
   * Creates the group with its tags in one call. When a group of that name exists already in the
   * VPC (a create whose reply was lost), returns that group's id if it carries the tags, else
   * fails.
   */
  String createSecurityGroup(SecurityGroupSpec spec);

  /** Deletes the group, waiting out {@code DependencyViolation} for a while; gone is done. */
  void deleteSecurityGroup(String groupId);
}
