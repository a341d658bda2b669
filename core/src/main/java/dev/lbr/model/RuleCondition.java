package dev.lbr.model;

import java.util.List;

/**
 * A listener rule condition, in ELBv2's shape. Only the fields of its {@code field} are set. Used
 * by ALB stacks; NLB listeners have no rules.
 */
public record RuleCondition(
    String field,
    List<String> values,
    List<String> regexValues,
    String httpHeaderName,
    List<QueryString> queryStrings) {
  public record QueryString(String key, String value) {}
}
