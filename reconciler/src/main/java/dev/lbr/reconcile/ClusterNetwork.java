package dev.lbr.reconcile;

import dev.lbr.aws.TargetNetworkGateway;
import dev.lbr.model.Permission;
import dev.lbr.model.StackId;
import dev.lbr.plan.NodeRules;
import dev.lbr.state.NetworkStore;
import dev.lbr.state.NetworkStore.ClusterRules;
import dev.lbr.state.NetworkStore.StackRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's rules on its targets' security groups (LBC {@code networking_manager.go}). Each
 * stack records its share; when a share changes (or an earlier run did not finish), the merged
 * rules of every share are applied to the groups: missing rules authorized, then unneeded ones of
 * ours revoked, on the groups that need rules, those that had ours, and the cluster-tagged groups
 * of the VPC. When no stack needs the backend group any more, it is deleted. Runs are optimistic:
 * one that raced a share change runs again, so the last one applies the latest shares.
 */
public final class ClusterNetwork {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterNetwork.class);
  private static final int MAX_RUNS = 5;

  private final NetworkStore store;
  private final TargetNetworkGateway ec2;
  private final BackendGroup backend;
  private final String cluster;

  public ClusterNetwork(
      NetworkStore store, TargetNetworkGateway ec2, BackendGroup backend, String cluster) {
    this.store = store;
    this.ec2 = ec2;
    this.backend = backend;
    this.cluster = cluster;
  }

  /**
   * The backend group's id for a stack whose load balancer is to carry it, creating the group if
   * need be. The stack's claim (its share, marked {@code backend}) is recorded first: the group
   * never exists without a share that needs it, whatever call fails or crashes after this. A claim
   * goes with the stack's next {@link #sync}, which then deletes the group if nothing else needs
   * it, and no other stack's run deletes the group while the claim stands.
   */
  public String claimBackend(StackId id, String vpcId) {
    StackRules stored = store.get().stack(id).orElse(StackRules.NONE);
    if (!stored.backend()) {
      store.putStack(id, new StackRules(true, stored.rules()));
    }
    return backend.ensure(vpcId);
  }

  /**
   * Whether the stack has a share on record. A pass cut short may have left one (a claim on the
   * backend group precedes even the stack's first checkpoint), so a stack without a checkpoint is
   * only known to hold nothing when it has none.
   */
  public boolean holdsShare(StackId id) {
    return store.get().stack(id).isPresent();
  }

  /**
   * Records the stack's share; applies the cluster's rules when it changed, or when the last run
   * did not finish. An unchanged share of a settled cluster costs one read and no EC2 call.
   */
  public void sync(StackId id, StackRules share, String vpcId) {
    ClusterRules current = store.get();
    Optional<StackRules> stored = current.stack(id);
    boolean changed = share.isEmpty() ? stored.isPresent() : !stored.equals(Optional.of(share));
    if (changed) {
      store.putStack(id, share);
    }
    if (changed || !current.settled()) {
      reconcile(vpcId);
    }
  }

  /** Brings every endpoint group in line with the recorded shares. */
  public void reconcile(String vpcId) {
    for (int run = 1; run <= MAX_RUNS; run++) {
      ClusterRules rules = store.get();
      Map<String, List<Permission>> desired =
          NodeRules.merge(rules.stacks().values().stream().map(StackRules::rules).toList());
      boolean backendNeeded = rules.stacks().values().stream().anyMatch(StackRules::backend);
      Optional<String> backendId = backend.find(vpcId);
      Set<String> groups = new TreeSet<>(desired.keySet());
      groups.addAll(rules.applied().keySet());
      groups.addAll(
          ec2.securityGroupsTagged(
              vpcId, "kubernetes.io/cluster/" + cluster, List.of("owned", "shared")));
      Map<String, List<Permission>> actual = ec2.ingressRules(groups);
      for (NodeRules.GroupChange change :
          NodeRules.changes(groups, desired, actual, rules.applied(), backendId.orElse(null))) {
        ec2.authorize(change.groupId(), change.authorize());
        log(change.groupId(), "AuthorizeSecurityGroupIngress", change.authorize());
        ec2.revoke(change.groupId(), change.revoke());
        log(change.groupId(), "RevokeSecurityGroupIngress", change.revoke());
      }
      if (!backendNeeded && backendId.isPresent()) {
        backend.delete(backendId.get());
        LOG.atInfo()
            .addKeyValue("operation", "DeleteSecurityGroup")
            .addKeyValue("resource", backendId.get())
            .log("backend-security-group-deleted");
      }
      if (store.putApplied(rules.version(), desired)) {
        return;
      }
    }
    throw new IllegalStateException(
        "the rules of cluster " + cluster + " kept changing during " + MAX_RUNS + " runs");
  }

  private static void log(String groupId, String operation, List<Permission> rules) {
    if (!rules.isEmpty()) {
      LOG.atInfo()
          .addKeyValue("operation", operation)
          .addKeyValue("resource", groupId)
          .addKeyValue("rules", rules.stream().map(Permission::key).toList())
          .log("endpoint-rules");
    }
  }
}
