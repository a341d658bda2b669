package dev.lbr.model;

/**
 * Points at a target group from an action: either one of the stack's own (by resource id, resolved
 * to an ARN when applied) or an existing one outside the stack (by ARN).
 */
public record TargetGroupRef(String resourceId, String arn) {
  public static TargetGroupRef managed(String resourceId) {
    return new TargetGroupRef(resourceId, null);
  }

  public static TargetGroupRef external(String arn) {
    return new TargetGroupRef(null, arn);
  }
}
