package dev.lbr.state;

import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import java.util.Map;
import java.util.Set;

/**
 * Which stacks use a Service as a backend (IngressGroups, through their Ingresses, and users'
 * TargetGroupBindings), kept beside the snapshots so that a Service or EndpointSlice event finds
 * them with one small Query instead of reading every Ingress and binding (docs/state-table.md,
 * "Backend index"). The referrer is the Ingress or the binding.
 *
 * <p>It may hold more than is true (a reference an Ingress dropped while a rebuild read its old
 * version): an extra group is woken and finds nothing to change. It holds no less while complete:
 * an Ingress event writes its references before its groups are reconciled; a change of IngressClass
 * or IngressClassParams, which can regroup every Ingress, invalidates the index (a new generation);
 * a rebuild marks it complete only if no invalidation came in between, and does not overwrite
 * references an Ingress event wrote in the current generation.
 */
public interface BackendIndex {

  /** Whether the index covers every stored Ingress and binding, and its generation. */
  record Status(boolean complete, long generation) {}

  Status status();

  /** The groups recorded as referencing the Service {@code namespace/name}. */
  Set<StackId> groupsReferencing(String service);

  /** Records, in {@code generation}, that {@code ingress} references each Service in that group. */
  void put(ObjectKey ingress, Map<String, StackId> groupByService, long generation);

  /**
   * As {@link #put}, for a rebuild: a reference written in {@code generation} or later (by an
   * Ingress event while the rebuild ran) is newer than what the rebuild read, and is kept.
   */
  void rebuild(ObjectKey ingress, Map<String, StackId> groupByService, long generation);

  /** Forgets that {@code ingress} references these Services. */
  void remove(ObjectKey ingress, Set<String> services);

  /** Marks the index complete, unless it was invalidated since {@code generation}. */
  void markComplete(long generation);

  /** Starts a new generation, incomplete: the next lookup rebuilds the index. */
  void invalidate();

  /** No index: never complete, so every lookup reads the Ingresses (in-memory inputs). */
  BackendIndex NONE =
      new BackendIndex() {
        @Override
        public Status status() {
          return new Status(false, 0);
        }

        @Override
        public Set<StackId> groupsReferencing(String service) {
          return Set.of();
        }

        @Override
        public void put(ObjectKey ingress, Map<String, StackId> groupByService, long generation) {}

        @Override
        public void rebuild(
            ObjectKey ingress, Map<String, StackId> groupByService, long generation) {}

        @Override
        public void remove(ObjectKey ingress, Set<String> services) {}

        @Override
        public void markComplete(long generation) {}

        @Override
        public void invalidate() {}
      };
}
