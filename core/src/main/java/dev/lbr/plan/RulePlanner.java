package dev.lbr.plan;

import dev.lbr.model.ActualListener;
import dev.lbr.model.ListenerSpec;
import java.util.Optional;

/**
 * Plans the non-default rules of one listener (ALB; LBC's {@code listener_rule_synthesizer.go}).
 * The planner calls it for every desired listener, in port order, after all listener changes and
 * before targets; the changes it returns run in that place.
 */
public interface RulePlanner {

  /**
   * @param desired the desired listener; its {@link ListenerSpec#rules()} are the desired rules
   * @param actual the listener as read back, empty when this plan creates it
   * @param listener how the changes name the listener (pending when created by this plan)
   * @param actions compares desired actions with actual ones, target groups resolved
   * @return the rule changes, with the findings each is based on
   */
  PlannedChanges plan(
      ListenerSpec desired, Optional<ActualListener> actual, Ref listener, ActionEquality actions);

  /** Leaves every rule as it is (for tests of the other planners). */
  static RulePlanner none() {
    return (desired, actual, listener, actions) -> new PlannedChanges();
  }
}
