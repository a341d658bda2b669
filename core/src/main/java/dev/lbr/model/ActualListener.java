package dev.lbr.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A listener as read back. Actions refer to target groups by ARN ({@link TargetGroupRef#arn()}).
 * {@code rules} excludes the default rule.
 *
 * <p>A TLS/HTTPS listener has a default certificate and a certificate list (ELBv2's two places for
 * certificates). {@code extraCertificateArns} is that list as {@code DescribeListenerCertificates}
 * reports it (its entries that are not the default one): LBC puts every certificate there, the
 * default one included, so an LBC listener lists its default certificate in both places.
 */
public record ActualListener(
    String arn,
    int port,
    String protocol,
    String defaultCertificateArn,
    List<String> extraCertificateArns,
    String sslPolicy,
    String alpnPolicy,
    List<Action> defaultActions,
    List<ActualRule> rules,
    Map<String, String> tags) {
  public ActualListener {
    extraCertificateArns =
        extraCertificateArns == null ? List.of() : List.copyOf(extraCertificateArns);
    defaultActions = List.copyOf(defaultActions);
    rules = rules == null ? List.of() : List.copyOf(rules);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /** Every certificate of the listener once: the default one first, then the list's others. */
  public List<String> certificateArns() {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    if (defaultCertificateArn != null) {
      all.add(defaultCertificateArn);
    }
    all.addAll(extraCertificateArns);
    return List.copyOf(all);
  }

  public record ActualRule(
      String arn,
      int priority,
      List<RuleCondition> conditions,
      List<Action> actions,
      Map<String, String> tags) {
    public ActualRule {
      conditions = List.copyOf(conditions);
      actions = List.copyOf(actions);
      tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A rule read without its tags. */
    public ActualRule(
        String arn, int priority, List<RuleCondition> conditions, List<Action> actions) {
      this(arn, priority, conditions, actions, Map.of());
    }
  }
}
