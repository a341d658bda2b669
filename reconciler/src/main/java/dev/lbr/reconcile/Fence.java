package dev.lbr.reconcile;

/**
 * Asked before each mutating call of a pass: throws {@link dev.lbr.state.LeaseLostException} once
 * the pass no longer holds its stack's lease, so a pass that lost it changes nothing more.
 */
@FunctionalInterface
public interface Fence {

  /** For passes outside a lease (previews, tests). */
  Fence NONE = () -> {};

  void check();
}
