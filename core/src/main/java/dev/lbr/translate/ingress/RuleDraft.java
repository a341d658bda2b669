package dev.lbr.translate.ingress;

import dev.lbr.model.Action;
import dev.lbr.model.RuleCondition;
import java.util.List;

/** A listener rule before its priority is assigned; {@code member} is the Ingress it came from. */
record RuleDraft(List<RuleCondition> conditions, List<Action> actions, Member member) {
  RuleDraft {
    conditions = List.copyOf(conditions);
    actions = List.copyOf(actions);
  }
}
