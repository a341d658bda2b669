package dev.lbr.state;

import dev.lbr.model.Permission;
import dev.lbr.model.StackId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's rules on its targets' security groups: what each stack needs (its share), and what
 * was last applied for which version of those shares. One record per cluster: rules on a shared
 * group are merged across stacks, so they are reconciled for the cluster, not per stack.
 */
public interface NetworkStore {

  /**
   * One stack's share.
   *
   * @param backend whether its load balancer carries the cluster's backend security group
   * @param rules the rules it needs, by endpoint security group
   */
  record StackRules(boolean backend, Map<String, List<Permission>> rules) {
    /** No share: neither the backend group nor any rule. */
    public static final StackRules NONE = new StackRules(false, Map.of());

    public StackRules {
      rules = Map.copyOf(rules);
    }

    public boolean isEmpty() {
      return !backend && rules.isEmpty();
    }
  }

  /**
   * @param stacks the shares, by stack id
   * @param version bumped by every change of a share
   * @param applied the merged rules last applied, by security group
   * @param appliedVersion the version {@code applied} was computed from
   */
  record ClusterRules(
      Map<String, StackRules> stacks,
      long version,
      Map<String, List<Permission>> applied,
      long appliedVersion) {
    public static final ClusterRules EMPTY = new ClusterRules(Map.of(), 0, Map.of(), 0);

    public ClusterRules {
      stacks = Map.copyOf(stacks);
      applied = Map.copyOf(applied);
    }

    /** Whether the last applied rules were computed from the current shares. */
    public boolean settled() {
      return version == appliedVersion;
    }

    public Optional<StackRules> stack(StackId id) {
      return Optional.ofNullable(stacks.get(id.value()));
    }
  }

  ClusterRules get();

  /** Sets the stack's share (an empty one removes it) and bumps the version. */
  void putStack(StackId id, StackRules rules);

  /**
   * Records the rules applied for {@code version}; false (nothing written) when the shares changed
   * since: the caller reconciles again.
   */
  boolean putApplied(long version, Map<String, List<Permission>> applied);
}
