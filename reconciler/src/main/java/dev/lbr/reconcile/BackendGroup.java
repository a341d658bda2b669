package dev.lbr.reconcile;

import dev.lbr.aws.TargetNetworkGateway;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.Tags;
import dev.lbr.translate.common.Naming;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's shared backend security group (LBC {@code backend_sg_provider.go}): one per
 * cluster, found by its tags, created with LBC's name, description and tags when the first load
 * balancer needs it, and no rules of its own. Deleted by {@link ClusterNetwork} when no stack needs
 * it any more.
 */
public final class BackendGroup {
  public static final String DESCRIPTION = "[k8s] Shared Backend SecurityGroup for LoadBalancer";
  public static final String RESOURCE_TAG = "elbv2.k8s.aws/resource";
  public static final String RESOURCE_VALUE = "backend-sg";

  private final TargetNetworkGateway ec2;
  private final String cluster;

  public BackendGroup(TargetNetworkGateway ec2, String cluster) {
    this.ec2 = ec2;
    this.cluster = cluster;
  }

  public Map<String, String> tags() {
    return Map.of(Tags.CLUSTER, cluster, RESOURCE_TAG, RESOURCE_VALUE);
  }

  public String name() {
    return Naming.backendSecurityGroup(cluster);
  }

  public Optional<String> find(String vpcId) {
    return ec2.findSecurityGroup(vpcId, tags());
  }

  /** The group's id, creating it first if it does not exist. */
  public String ensure(String vpcId) {
    return find(vpcId)
        .orElseGet(
            () ->
                ec2.createSecurityGroup(
                    new SecurityGroupSpec(
                        Naming.backendSecurityGroup(cluster),
                        DESCRIPTION,
                        vpcId,
                        List.of(),
                        tags())));
  }

  public void delete(String groupId) {
    ec2.deleteSecurityGroup(groupId);
  }
}
