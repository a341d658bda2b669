package dev.lbr.aws;

import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.SecurityGroupInfo;
import dev.lbr.model.SecurityGroupRule;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.Subnet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EC2 calls the reconciler makes: subnet and security group reads for model building, and the
 * managed frontend security group's lifecycle. Security group ids play the role ARNs play in {@link
 * ElbGateway}.
 */
public interface Ec2Gateway {

  /** Every subnet of the VPC, or of the account when {@code vpcId} is null. */
  List<Subnet> subnets(String vpcId);

  /** Every security group of the VPC (to resolve names given in annotations). */
  List<SecurityGroupInfo> securityGroups(String vpcId);

  /**
   * Security groups whose tags contain every entry of {@code tags} (a non-empty filter), with their
   * inbound rules flattened to one CIDR or prefix list each. Rules naming another security group as
   * their source are left out: the managed group never has any.
   */
  List<ActualSecurityGroup> securityGroupsTagged(Map<String, String> tags);

  /** Returns the new group's id. Tags are set in the same call. */
  String createSecurityGroup(SecurityGroupSpec spec);

  /** Adds the inbound rules, all in one call. */
  void authorizeIngress(String groupId, List<SecurityGroupRule> rules);

  /** Removes the inbound rules, all in one call. Rules (or a group) already gone are done. */
  void revokeIngress(String groupId, List<SecurityGroupRule> rules);

  /** EC2 CreateTags: adds or overwrites. */
  void addTags(String resourceId, Map<String, String> tags);

  /** EC2 DeleteTags. */
  void removeTags(String resourceId, Set<String> keys);

  /**
   * Deletes the group. A group still in use (a load balancer deleted moments ago keeps its network
   * interfaces for a while) is retried with backoff for a bounded time; then the last {@code
   * DependencyViolation} is thrown, which {@link AwsErrors#isRetryable} calls retryable. A group
   * that does not exist counts as deleted.
   */
  void deleteSecurityGroup(String groupId);
}
