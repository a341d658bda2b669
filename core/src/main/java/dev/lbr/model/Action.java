package dev.lbr.model;

import java.util.List;

/** A listener or rule action, in ELBv2's shape. */
public sealed interface Action {

  /** Forward to one or more target groups; {@code weight} is null for a single plain forward. */
  record Forward(List<WeightedTargetGroup> targetGroups, Integer stickinessDurationSeconds)
      implements Action {
    public Forward {
      targetGroups = List.copyOf(targetGroups);
    }

    public static Forward to(TargetGroupRef ref) {
      return new Forward(List.of(new WeightedTargetGroup(ref, null)), null);
    }
  }

  record WeightedTargetGroup(TargetGroupRef targetGroup, Integer weight) {}

  record FixedResponse(String statusCode, String contentType, String messageBody)
      implements Action {}

  record Redirect(
      String protocol, String port, String host, String path, String query, String statusCode)
      implements Action {}
}
