package dev.lbr.plan;

/**
 * Names the resource a change acts on: an existing one by ARN, or one created earlier in the same
 * plan by its resource id (LBC's tokens), resolved when the plan is applied.
 */
public record Ref(String arn, String resourceId) {
  public static Ref existing(String arn, String resourceId) {
    return new Ref(arn, resourceId);
  }

  public static Ref pending(String resourceId) {
    return new Ref(null, resourceId);
  }

  public boolean isPending() {
    return arn == null;
  }

  @Override
  public String toString() {
    return resourceId != null ? resourceId : arn;
  }
}
