package dev.lbr.reconcile;

import dev.lbr.event.StackResult;
import dev.lbr.model.StackId;
import dev.lbr.state.Acquisition;
import java.util.List;

/**
 * What one reconcile of a stack did.
 *
 * @param path which path ran
 * @param changes the applied changes, described (empty for a no-op)
 * @param error the invalid-input message when {@code path} is {@link Path#INVALID}; who holds the
 *     lease and until when, when it is {@link Path#BUSY}
 * @param view what the cluster sees of the stack after a full pass (its address and target groups);
 *     null for the other paths
 * @param warnings what the pass refused while doing the rest (targets not of the cluster)
 */
public record ReconcileResult(
    StackId stackId,
    Path path,
    List<String> changes,
    String error,
    View view,
    List<StackResult.Warning> warnings) {

  public ReconcileResult {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public ReconcileResult(
      StackId stackId, Path path, List<String> changes, String error, View view) {
    this(stackId, path, changes, error, view, List.of());
  }

  public enum Path {
    /** Inputs and targets unchanged and the checkpoint fresh: no AWS call at all. */
    UNCHANGED,
    /** Only targets changed: registered and deregistered from the checkpoint, nothing read. */
    TARGETS,
    /** Desired model built, actual state read, plan applied (possibly empty). */
    FULL,
    /** The stack's input is invalid: the error is recorded and nothing in AWS was touched. */
    INVALID,
    /**
     * Another invocation holds the stack's lease: it was marked dirty and will be re-run there
     * before the holder releases; if the holder died, its lease expires and its message is retried.
     */
    BUSY,
    /**
     * The pass would have deleted the load balancer but the deletion budget is spent: nothing was
     * changed, the error says why, and the stack is left to drift garbage collection.
     */
    HELD
  }

  /**
   * The stack as the cluster's objects show it.
   *
   * @param loadBalancer null when the stack has no load balancer (deleted)
   * @param bindings the TargetGroupBindings of its target groups (empty when deleted)
   */
  public record View(StackResult.LoadBalancer loadBalancer, List<StackResult.Binding> bindings) {
    public View {
      bindings = List.copyOf(bindings);
    }
  }

  public ReconcileResult(StackId stackId, Path path, List<String> changes, String error) {
    this(stackId, path, changes, error, null);
  }

  public static ReconcileResult of(StackId id, Path path, List<String> changes) {
    return new ReconcileResult(id, path, List.copyOf(changes), null);
  }

  /** The stack was busy: {@code error} names the holder and the end of its lease. */
  public static ReconcileResult busy(Acquisition.Held held) {
    return new ReconcileResult(
        held.stackId(),
        Path.BUSY,
        List.of(),
        "lease held by " + held.owner() + " until " + held.until());
  }

  public ReconcileResult withView(View view) {
    return new ReconcileResult(stackId, path, changes, error, view, warnings);
  }

  public ReconcileResult withWarnings(List<StackResult.Warning> newWarnings) {
    return new ReconcileResult(stackId, path, changes, error, view, newWarnings);
  }
}
