package dev.lbr.aws;

import dev.lbr.model.Target;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits targets into batches of at most 200, the most one register/deregister call takes. */
public final class TargetBatches {
  private TargetBatches() {}

  /** Sorted, so the same set always gives the same batches. */
  public static List<List<Target>> of(Collection<Target> targets) {
    List<Target> sorted = targets.stream().sorted().toList();
    List<List<Target>> batches = new ArrayList<>();
    for (int from = 0; from < sorted.size(); from += SdkElbGateway.MAX_TARGETS_PER_CALL) {
      batches.add(
          sorted.subList(from, Math.min(sorted.size(), from + SdkElbGateway.MAX_TARGETS_PER_CALL)));
    }
    return batches;
  }
}
