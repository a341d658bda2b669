package dev.lbr.infra;

import dev.lbr.model.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What the reconciling functions may do in ELBv2, EC2 and ACM: exactly the calls of {@code
 * dev.lbr.aws.Sdk*Gateway}, modelled on LBC's published IAM policy and tighter than it:
 *
 * <ul>
 *   <li>every create must carry the ownership tag {@code elbv2.k8s.aws/cluster} with <em>this</em>
 *       cluster's name (LBC only requires the tag to be present);
 *   <li>every modify/delete, and target (de)registration, listener and rule changes (LBC leaves
 *       those unconditioned), needs the resource to carry this cluster's tag;
 *   <li>tags of owned resources may change, but never the ownership tag itself (LBC's policy lets
 *       RemoveTags drop it);
 *   <li>ELBv2, EC2 and ACM resources, creates included, are scoped to this account and region;
 *       security groups are created only in the cluster's VPC; the only service-linked role it may
 *       create is ELBv2's.
 * </ul>
 *
 * One deliberate exception to "only what carries this cluster's tag": users' TargetGroupBindings
 * register targets in target groups made outside lbr, which carry no ownership tag. {@code
 * ElbBindUserTargetGroups} allows only {@code RegisterTargets}/{@code DeregisterTargets}, only on
 * target groups that carry no {@code elbv2.k8s.aws/cluster} tag at all (so never another cluster's
 * or another controller's), and only those whose names match the {@code bindableTargetGroups}
 * patterns (every name by default; none when the key is {@code none}). The code bounds it further:
 * a binding deregisters only targets lbr registered ({@code docs/target-group-bindings.md}).
 *
 * <p>The "targets" function falls back to a full pass when its checkpoint is stale, so it needs the
 * same calls as "reconcile"; "drift" runs the same passes plus garbage collection.
 */
final class ControllerPermissions {
  static final String CLUSTER_TAG = Tags.CLUSTER;

  /** The ELBv2 reads the gateways make. */
  static final List<String> ELB_READS =
      List.of(
          "elasticloadbalancing:DescribeLoadBalancers",
          "elasticloadbalancing:DescribeLoadBalancerAttributes",
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeListenerCertificates",
          "elasticloadbalancing:DescribeRules",
          "elasticloadbalancing:DescribeTargetGroups",
          "elasticloadbalancing:DescribeTargetGroupAttributes",
          "elasticloadbalancing:DescribeTargetHealth",
          "elasticloadbalancing:DescribeTags");

  /** Creates: allowed only with this cluster's ownership tag in the request. */
  static final List<String> ELB_CREATES =
      List.of(
          "elasticloadbalancing:CreateLoadBalancer",
          "elasticloadbalancing:CreateTargetGroup",
          "elasticloadbalancing:CreateListener",
          "elasticloadbalancing:CreateRule");

  /** Writes on existing resources: allowed only on resources tagged with this cluster. */
  static final List<String> ELB_OWNED_WRITES =
      List.of(
          "elasticloadbalancing:DeleteLoadBalancer",
          "elasticloadbalancing:ModifyLoadBalancerAttributes",
          "elasticloadbalancing:SetSecurityGroups",
          "elasticloadbalancing:SetSubnets",
          "elasticloadbalancing:SetIpAddressType",
          "elasticloadbalancing:DeleteTargetGroup",
          "elasticloadbalancing:ModifyTargetGroup",
          "elasticloadbalancing:ModifyTargetGroupAttributes",
          "elasticloadbalancing:RegisterTargets",
          "elasticloadbalancing:DeregisterTargets",
          "elasticloadbalancing:DeleteListener",
          "elasticloadbalancing:ModifyListener",
          "elasticloadbalancing:AddListenerCertificates",
          "elasticloadbalancing:RemoveListenerCertificates",
          "elasticloadbalancing:DeleteRule",
          "elasticloadbalancing:ModifyRule",
          "elasticloadbalancing:SetRulePriorities");

  /** What a user's TargetGroupBinding needs in a target group lbr did not make. */
  static final List<String> ELB_BIND_WRITES =
      List.of("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets");

  static final List<String> ELB_TAGGING =
      List.of("elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags");

  static final List<String> EC2_READS =
      List.of(
          "ec2:DescribeSubnets",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeInstances");

  /** The rules on the targets' (nodes', pod ENIs') security groups. */
  static final List<String> EC2_NODE_RULE_WRITES =
      List.of("ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress");

  static final List<String> EC2_OWNED_WRITES =
      List.of(
          "ec2:AuthorizeSecurityGroupIngress",
          "ec2:RevokeSecurityGroupIngress",
          "ec2:DeleteSecurityGroup");

  /** The one role {@code iam:CreateServiceLinkedRole} may create: ELBv2's, in this account. */
  static final String ELB_SERVICE_LINKED_ROLE =
      "arn:"
          + Aws.PARTITION
          + ":iam::"
          + Aws.ACCOUNT_ID
          + ":role/aws-service-role/elasticloadbalancing.amazonaws.com/"
          + "AWSServiceRoleForElasticLoadBalancing";

  private ControllerPermissions() {}

  /** The statements, in a fixed order, each with a Sid the tests and reviewers can find. */
  static List<PolicyStatement> statements(
      String clusterName, String vpcId, List<String> bindableTargetGroups) {
    Map<String, Object> requestTagIsCluster =
        Map.of("StringEquals", Map.of("aws:RequestTag/" + CLUSTER_TAG, clusterName));
    Map<String, Object> ownedAndKeepsOwnershipTag =
        Map.of(
            "StringEquals", Map.of("aws:ResourceTag/" + CLUSTER_TAG, clusterName),
            "ForAllValues:StringNotEquals", Map.of("aws:TagKeys", List.of(CLUSTER_TAG)));
    List<PolicyStatement> statements = new ArrayList<>();
    statements.addAll(
        List.of(
            statement("ElbRead", ELB_READS, List.of("*"), null),
            statement("Ec2Read", EC2_READS, List.of("*"), null),
            statement(
                "AcmRead",
                List.of("acm:DescribeCertificate"),
                List.of(arn("acm", "certificate/*")),
                null),
            statement(
                "ElbServiceLinkedRole",
                List.of("iam:CreateServiceLinkedRole"),
                List.of(ELB_SERVICE_LINKED_ROLE),
                Map.of(
                    "StringEquals",
                    Map.of("iam:AWSServiceName", "elasticloadbalancing.amazonaws.com"))),
            statement("ElbCreateTagged", ELB_CREATES, elbResources(), requestTagIsCluster),
            statement(
                "ElbTagOnCreate",
                List.of("elasticloadbalancing:AddTags"),
                elbResources(),
                Map.of(
                    "StringEquals",
                    Map.of(
                        "aws:RequestTag/" + CLUSTER_TAG,
                        clusterName,
                        "elasticloadbalancing:CreateAction",
                        ELB_CREATES.stream().map(a -> a.substring(a.indexOf(':') + 1)).toList()))),
            statement(
                "ElbWriteOwned",
                ELB_OWNED_WRITES,
                elbResources(),
                Map.of("StringEquals", Map.of("aws:ResourceTag/" + CLUSTER_TAG, clusterName))),
            statement("ElbRetagOwned", ELB_TAGGING, elbResources(), ownedAndKeepsOwnershipTag),
            statement(
                "Ec2CreateSecurityGroupInVpc",
                List.of("ec2:CreateSecurityGroup"),
                List.of(arn("ec2", "vpc/" + Objects.requireNonNull(vpcId, "vpcId"))),
                null),
            statement(
                "Ec2CreateSecurityGroupTagged",
                List.of("ec2:CreateSecurityGroup"),
                List.of(arn("ec2", "security-group/*")),
                requestTagIsCluster),
            statement(
                "Ec2TagOnCreate",
                List.of("ec2:CreateTags"),
                List.of(arn("ec2", "security-group/*")),
                Map.of(
                    "StringEquals",
                    Map.of(
                        "aws:RequestTag/" + CLUSTER_TAG,
                        clusterName,
                        "ec2:CreateAction",
                        "CreateSecurityGroup"))),
            statement(
                "Ec2WriteOwned",
                EC2_OWNED_WRITES,
                List.of(arn("ec2", "security-group/*")),
                Map.of("StringEquals", Map.of("aws:ResourceTag/" + CLUSTER_TAG, clusterName))),
            statement(
                "Ec2NodeGroupRules",
                EC2_NODE_RULE_WRITES,
                List.of(arn("ec2", "security-group/*")),
                Map.of(
                    "StringEquals",
                    Map.of(
                        "aws:ResourceTag/kubernetes.io/cluster/" + clusterName,
                        List.of("owned", "shared")))),
            statement(
                "EksDescribeCluster",
                List.of("eks:DescribeCluster"),
                List.of(arn("eks", "cluster/" + clusterName)),
                null),
            statement(
                "Ec2RetagOwned",
                List.of("ec2:CreateTags", "ec2:DeleteTags"),
                List.of(arn("ec2", "security-group/*")),
                ownedAndKeepsOwnershipTag)));
    if (!bindableTargetGroups.isEmpty()) {
      statements.add(
          statement(
              "ElbBindUserTargetGroups",
              ELB_BIND_WRITES,
              bindableTargetGroups.stream()
                  .map(name -> arn("elasticloadbalancing", "targetgroup/" + name + "/*"))
                  .toList(),
              Map.of("Null", Map.of("aws:ResourceTag/" + CLUSTER_TAG, "true"))));
    }
    return List.copyOf(statements);
  }

  /** Load balancers, target groups, listeners and rules of both ALB and NLB, in this account. */
  static List<String> elbResources() {
    return List.of(
        arn("elasticloadbalancing", "loadbalancer/*"),
        arn("elasticloadbalancing", "targetgroup/*"),
        arn("elasticloadbalancing", "listener/*"),
        arn("elasticloadbalancing", "listener-rule/*"));
  }

  private static String arn(String service, String resource) {
    return "arn:"
        + Aws.PARTITION
        + ":"
        + service
        + ":"
        + Aws.REGION
        + ":"
        + Aws.ACCOUNT_ID
        + ":"
        + resource;
  }

  private static PolicyStatement statement(
      String sid, List<String> actions, List<String> resources, Map<String, Object> conditions) {
    PolicyStatement.Builder b =
        PolicyStatement.Builder.create()
            .sid(sid)
            .effect(Effect.ALLOW)
            .actions(actions)
            .resources(resources);
    if (conditions != null) {
      b.conditions(conditions);
    }
    return b.build();
  }
}
