package dev.lbr.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * ELBv2 reads that take a list of ARNs (DescribeLoadBalancers, DescribeTargetGroups, DescribeTags)
 * take at most 20, and fail the whole call when one of them does not exist. This asks 20 at a time
 * and, when a chunk fails with "not found", asks its ARNs one by one, leaving out those that are
 * gone.
 */
final class ElbBatches {
  /** The most ARNs one of these calls takes. */
  static final int ARNS_PER_CALL = 20;

  private ElbBatches() {}

  /**
   * What {@code describe} returns for {@code arns}, by ARN ({@code arnOf}), in the order the ARNs
   * were given; ARNs that do not exist are absent.
   */
  static <T> Map<String, T> byArn(
      Collection<String> arns,
      Function<List<String>, List<T>> describe,
      Function<T, String> arnOf) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(arns));
    Map<String, T> found = new LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += ARNS_PER_CALL) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + ARNS_PER_CALL));
      try {
        describe.apply(chunk).forEach(t -> found.put(arnOf.apply(t), t));
      } catch (RuntimeException e) {
        if (!AwsErrors.isNotFound(e)) {
          throw e;
        }
        if (chunk.size() > 1) {
          for (String arn : chunk) {
            AwsErrors.unlessNotFound(() -> describe.apply(List.of(arn)))
                .ifPresent(one -> one.forEach(t -> found.put(arnOf.apply(t), t)));
          }
        }
      }
    }
    Map<String, T> ordered = new LinkedHashMap<>();
    all.forEach(
        arn -> {
          if (found.containsKey(arn)) {
            ordered.put(arn, found.get(arn));
          }
        });
    return ordered;
  }
}
