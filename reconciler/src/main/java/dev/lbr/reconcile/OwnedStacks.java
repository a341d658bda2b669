package dev.lbr.reconcile;

import dev.lbr.aws.ClusterInventory;
import dev.lbr.model.StackId;
import dev.lbr.state.CheckpointStore;
import java.util.HashSet;
import java.util.Set;

/** The stacks a cluster owns, for pruning and planning against an input. */
public final class OwnedStacks {
  private OwnedStacks() {}

  /**
   * The stacks that own resources tagged for {@code cluster}, or have a checkpoint: the tag scan
   * only ({@link ClusterInventory#stackLoadBalancers}), no stack is read in full.
   */
  public static Set<StackId> of(
      ClusterInventory inventory, CheckpointStore checkpoints, String cluster) {
    Set<StackId> ids = new HashSet<>(inventory.stackLoadBalancers(cluster).keySet());
    checkpoints.list().forEach(cp -> ids.add(cp.stackId()));
    return ids;
  }
}
