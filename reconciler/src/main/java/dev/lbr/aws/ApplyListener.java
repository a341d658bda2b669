package dev.lbr.aws;

import dev.lbr.plan.Change;

/** Told about progress while a plan is applied, so the caller can record it. */
public interface ApplyListener {

  /**
   * Called once, just before the first mutating call of a non-empty plan (the reconciler marks its
   * checkpoint IN_PROGRESS here). Not called for an empty plan.
   */
  void beforeFirstMutation();

  /**
   * Called just before each mutating call (a change may make two: AddTags and RemoveTags). Throwing
   * stops the plan there, before the call: how a pass that lost its lease is fenced.
   */
  default void beforeMutation(Change change) {}

  /**
   * Called after each change succeeded.
   *
   * @param arn the ARN the change created or acted on
   */
  void applied(Change change, String arn);

  static ApplyListener none() {
    return new ApplyListener() {
      @Override
      public void beforeFirstMutation() {}

      @Override
      public void applied(Change change, String arn) {}
    };
  }
}
