package dev.lbr.reconcile;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How much the event path may delete, and how far a resourceVersion may run ahead ({@code
 * docs/operations.md}).
 *
 * @param budget load balancers the event path may delete per {@code window}, shared by every
 *     function instance of the cluster; past it a deletion is held and left to drift GC
 * @param window the budget's window (fixed windows, aligned to the epoch)
 * @param inventoryMaxStacks an inventory that would tombstone the inputs of more stacks than this
 *     (or of more than half of the cluster's stacks, when more than one) is refused
 * @param rvMargin how far above the cluster's high-water mark an event's resourceVersion may be
 * @param force the audited override: deletions past the bounds go ahead, each leaving a history
 *     entry
 */
public record DeletionBounds(
    int budget, Duration window, int inventoryMaxStacks, long rvMargin, boolean force) {

  public static final int DEFAULT_BUDGET = 20;
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
  public static final int DEFAULT_INVENTORY_MAX_STACKS = 5;

  /** Ten billion: over 100 days of a cluster writing 1,000 objects per second. */
  public static final long DEFAULT_RV_MARGIN = 10_000_000_000L;

  public DeletionBounds {
    if (budget < 0 || inventoryMaxStacks < 0 || rvMargin < 0) {
      throw new IllegalArgumentException("deletion bounds must not be negative");
    }
    if (window == null || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("the deletion window must be positive: " + window);
    }
  }

  public static DeletionBounds defaults() {
    return new DeletionBounds(
        DEFAULT_BUDGET, DEFAULT_WINDOW, DEFAULT_INVENTORY_MAX_STACKS, DEFAULT_RV_MARGIN, false);
  }

  public DeletionBounds withBudget(int perWindow) {
    return new DeletionBounds(perWindow, window, inventoryMaxStacks, rvMargin, force);
  }

  public DeletionBounds forced() {
    return new DeletionBounds(budget, window, inventoryMaxStacks, rvMargin, true);
  }

  /**
   * {@code LBR_DELETE_BUDGET} (default 20), {@code LBR_DELETE_WINDOW} (ISO-8601, default PT1H),
   * {@code LBR_INVENTORY_MAX_STACK_DELETES} (default 5), {@code LBR_RV_MARGIN} (default 10^10),
   * {@code LBR_FORCE_DELETES} ({@code true} to override, audited).
   */
  public static DeletionBounds fromEnvironment(Map<String, String> env) {
    DeletionBounds d = defaults();
    return new DeletionBounds(
        value(env, "LBR_DELETE_BUDGET").map(Integer::parseInt).orElse(d.budget()),
        value(env, "LBR_DELETE_WINDOW").map(Duration::parse).orElse(d.window()),
        value(env, "LBR_INVENTORY_MAX_STACK_DELETES")
            .map(Integer::parseInt)
            .orElse(d.inventoryMaxStacks()),
        value(env, "LBR_RV_MARGIN").map(Long::parseLong).orElse(d.rvMargin()),
        value(env, "LBR_FORCE_DELETES").map(Boolean::parseBoolean).orElse(false));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
