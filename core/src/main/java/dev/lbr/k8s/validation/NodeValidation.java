package dev.lbr.k8s.validation;

import java.util.List;

/**
 * A Node's projected spec and status: taints as the API server checks them, and the types of the
 * rest. {@code spec.providerID} is free text to the API server; the instance-target builder reads
 * an EC2 instance id from it and skips a Node without one, so it is only type-checked here (a
 * stricter rule would drop real Nodes' updates).
 */
final class NodeValidation {
  static final List<String> TAINT_EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

  private NodeValidation() {}

  static void validate(Field node) {
    Field spec = node.child("spec");
    if (spec.object()) {
      spec.child("providerID").text();
      spec.child("unschedulable").bool();
      for (Field taint : spec.child("taints").items()) {
        if (!taint.object()) {
          continue;
        }
        Field key = taint.child("key");
        key.requiredText().ifPresent(k -> key.check(Syntax.qualifiedName(k)));
        Field value = taint.child("value");
        value.text().ifPresent(v -> value.check(Syntax.labelValue(v)));
        Field effect = taint.child("effect");
        effect.requiredText().ifPresent(e -> effect.check(Syntax.oneOf(e, TAINT_EFFECTS)));
      }
    }
    Field status = node.child("status");
    if (status.object()) {
      for (Field condition : status.child("conditions").items()) {
        if (condition.object()) {
          condition.child("type").requiredText();
          condition.child("status").text();
        }
      }
    }
  }
}
