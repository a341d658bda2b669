package dev.lbr.aws;

import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualListener.ActualRule;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.RuleSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RulePriorityPair;

/**
 * Listener, listener certificate and rule calls of {@link SdkElbGateway}. Certificates, SSL and
 * ALPN policies are sent and read for TLS/HTTPS listeners only; rules exist on HTTP/HTTPS only.
 *
 * <p>Certificates as LBC (v3.4.1+, {@code buildSDKCertificates} in {@code
 * pkg/deploy/elbv2/listener_manager.go}) sets them: the first one is the listener's default
 * certificate, and <em>every</em> one, the default included, is in the listener's certificate list
 * (for ECDSA/RSA selection), which is compared with the non-default entries of {@code
 * DescribeListenerCertificates}.
 */
final class ElbListeners extends ElbCalls {
  ElbListeners(ElasticLoadBalancingV2Client elb, ElbTags tags) {
    super(elb, tags);
  }

  /** Empty when the load balancer does not exist. */
  List<ActualListener> of(String loadBalancerArn) {
    Untagged listeners = untagged(loadBalancerArn);
    return listeners.toModel(tags.of(listeners.taggable()));
  }

  /**
   * A load balancer's listeners, certificates and rules as read, without their tags: the caller
   * reads those in one batch with other resources' ({@link Untagged#taggable}). Empty when the load
   * balancer does not exist.
   */
  Untagged untagged(String loadBalancerArn) {
    List<Listener> listeners = new ArrayList<>();
    try {
      elb.describeListenersPaginator(r -> r.loadBalancerArn(loadBalancerArn).pageSize(PAGE_SIZE))
          .listeners()
          .forEach(listeners::add);
    } catch (RuntimeException e) {
      if (AwsErrors.isNotFound(e)) {
        return new Untagged(List.of(), Map.of(), Map.of());
      }
      throw e;
    }
    Map<String, ListenerCertificates> certs = new HashMap<>();
    Map<String, List<Rule>> rules = new HashMap<>();
    for (Listener l : listeners) {
      if (isSecure(l.protocolAsString())) {
        certs.put(l.listenerArn(), certificates(l.listenerArn()));
      }
      if (hasRules(l.protocolAsString())) {
        rules.put(l.listenerArn(), rules(l.listenerArn()));
      }
    }
    return new Untagged(listeners, certs, rules);
  }

  /** Listeners read by {@link #untagged}, waiting for their and their rules' tags. */
  record Untagged(
      List<Listener> listeners,
      Map<String, ListenerCertificates> certificates,
      Map<String, List<Rule>> rules) {

    /** The ARNs whose tags the model carries: every listener and every non-default rule. */
    List<String> taggable() {
      List<String> arns = new ArrayList<>();
      for (Listener l : listeners) {
        arns.add(l.listenerArn());
        rules.getOrDefault(l.listenerArn(), List.of()).forEach(r -> arns.add(r.ruleArn()));
      }
      return arns;
    }

    /** The listeners by port, each with its rules by priority; {@code tags} by ARN. */
    List<ActualListener> toModel(Map<String, Map<String, String>> tags) {
      List<ActualListener> result = new ArrayList<>();
      for (Listener l : listeners) {
        boolean secure = isSecure(l.protocolAsString());
        ListenerCertificates certs =
            certificates.getOrDefault(l.listenerArn(), ListenerCertificates.NONE);
        result.add(
            new ActualListener(
                l.listenerArn(),
                l.port(),
                l.protocolAsString(),
                certs.defaultArn(),
                certs.list(),
                secure ? l.sslPolicy() : null,
                secure && l.hasAlpnPolicy() && !l.alpnPolicy().isEmpty()
                    ? l.alpnPolicy().get(0)
                    : null,
                ElbActions.fromSdk(l.defaultActions()),
                ruleModels(rules.getOrDefault(l.listenerArn(), List.of()), tags),
                tags.get(l.listenerArn())));
      }
      result.sort(Comparator.comparingInt(ActualListener::port));
      return result;
    }
  }

  /**
   * Creates the listener with its default certificate (the first), then adds every certificate,
   * that one included, to its certificate list. Its rules are left to the rule calls, which the
   * plan makes after this one.
   */
  String create(String loadBalancerArn, ListenerSpec spec) {
    boolean secure = isSecure(spec.protocol());
    List<String> certs = secure ? spec.certificateArns() : List.of();
    String arn =
        elb.createListener(
                r ->
                    r.loadBalancerArn(loadBalancerArn)
                        .port(spec.port())
                        .protocol(spec.protocol())
                        .defaultActions(ElbActions.toSdk(spec.defaultActions()))
                        .certificates(certs.isEmpty() ? null : List.of(certificate(certs.get(0))))
                        .sslPolicy(secure ? spec.sslPolicy() : null)
                        .alpnPolicy(
                            secure && spec.alpnPolicy() != null ? List.of(spec.alpnPolicy()) : null)
                        .tags(ElbTags.toSdk(spec.tags())))
            .listeners()
            .get(0)
            .listenerArn();
    for (String cert : certificateList(certs)) {
      addCertificate(arn, cert);
    }
    return arn;
  }

  /**
   * Modifies the listener itself (port and protocol only when they change, policies, default
   * certificate, default actions), then brings its certificate list in line. Rules are left alone:
   * they have their own calls.
   */
  void modify(String arn, ListenerSpec spec) {
    Listener current = elb.describeListeners(r -> r.listenerArns(arn)).listeners().get(0);
    boolean secure = isSecure(spec.protocol());
    List<String> certs = secure ? spec.certificateArns() : List.of();
    elb.modifyListener(
        r ->
            r.listenerArn(arn)
                .port(current.port() == spec.port() ? null : spec.port())
                .protocol(
                    spec.protocol().equalsIgnoreCase(current.protocolAsString())
                        ? null
                        : spec.protocol())
                .sslPolicy(secure ? spec.sslPolicy() : null)
                .alpnPolicy(secure && spec.alpnPolicy() != null ? List.of(spec.alpnPolicy()) : null)
                .certificates(certs.isEmpty() ? null : List.of(certificate(certs.get(0))))
                .defaultActions(ElbActions.toSdk(spec.defaultActions())));
    if (secure) {
      syncCertificateList(arn, certs);
    }
  }

  void delete(String arn) {
    AwsErrors.ignoringNotFound(() -> elb.deleteListener(r -> r.listenerArn(arn)));
  }

  String createRule(String listenerArn, RuleSpec rule) {
    return elb.createRule(
            r ->
                r.listenerArn(listenerArn)
                    .priority(rule.priority())
                    .conditions(ElbConditions.toSdk(rule.conditions()))
                    .actions(ElbActions.toSdk(rule.actions()))
                    .tags(ElbTags.toSdk(rule.tags())))
        .rules()
        .get(0)
        .ruleArn();
  }

  void modifyRule(String ruleArn, RuleSpec rule) {
    elb.modifyRule(
        r ->
            r.ruleArn(ruleArn)
                .conditions(ElbConditions.toSdk(rule.conditions()))
                .actions(ElbActions.toSdk(rule.actions())));
  }

  void deleteRule(String ruleArn) {
    AwsErrors.ignoringNotFound(() -> elb.deleteRule(r -> r.ruleArn(ruleArn)));
  }

  void setRulePriorities(Map<String, Integer> priorityByRuleArn) {
    if (priorityByRuleArn.isEmpty()) {
      return;
    }
    elb.setRulePriorities(
        r ->
            r.rulePriorities(
                priorityByRuleArn.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue())
                    .map(
                        e ->
                            RulePriorityPair.builder()
                                .ruleArn(e.getKey())
                                .priority(e.getValue())
                                .build())
                    .toList()));
  }

  /**
   * The listener's default certificate and its certificate list: the entries AWS marks {@code
   * IsDefault} and those it does not (the default one appears in both when it is in the list).
   */
  private ListenerCertificates certificates(String listenerArn) {
    String defaultArn = null;
    Set<String> list = new LinkedHashSet<>();
    for (Certificate c :
        elb.describeListenerCertificatesPaginator(r -> r.listenerArn(listenerArn)).certificates()) {
      if (Boolean.TRUE.equals(c.isDefault())) {
        defaultArn = c.certificateArn();
      } else {
        list.add(c.certificateArn());
      }
    }
    return new ListenerCertificates(defaultArn, List.copyOf(list));
  }

  private record ListenerCertificates(String defaultArn, List<String> list) {
    static final ListenerCertificates NONE = new ListenerCertificates(null, List.of());
  }

  /** Removes what the list should not hold, then adds what it misses (LBC's order). */
  private void syncCertificateList(String arn, List<String> wanted) {
    List<String> have = certificates(arn).list();
    List<String> want = certificateList(wanted);
    for (String cert : have) {
      if (!want.contains(cert)) {
        // One certificate per call, as the API documents.
        elb.removeListenerCertificates(r -> r.listenerArn(arn).certificates(certificate(cert)));
      }
    }
    for (String cert : want) {
      if (!have.contains(cert)) {
        addCertificate(arn, cert);
      }
    }
  }

  /** One certificate per call, as the API documents. */
  private void addCertificate(String listenerArn, String cert) {
    elb.addListenerCertificates(r -> r.listenerArn(listenerArn).certificates(certificate(cert)));
  }

  /** The non-default rules (DescribeRules, up to 400 a page). */
  private List<Rule> rules(String listenerArn) {
    List<Rule> found = new ArrayList<>();
    for (Rule r :
        elb.describeRulesPaginator(b -> b.listenerArn(listenerArn).pageSize(PAGE_SIZE)).rules()) {
      if (!Boolean.TRUE.equals(r.isDefault())) {
        found.add(r);
      }
    }
    return found;
  }

  /** The rules with their tags, by priority (DescribeRules need not sort them). */
  private static List<ActualRule> ruleModels(
      List<Rule> found, Map<String, Map<String, String>> tags) {
    List<ActualRule> rules = new ArrayList<>();
    for (Rule r : found) {
      rules.add(
          new ActualRule(
              r.ruleArn(),
              Integer.parseInt(r.priority()),
              ElbConditions.fromSdk(r.conditions()),
              ElbActions.fromSdk(r.actions()),
              tags.get(r.ruleArn())));
    }
    rules.sort(Comparator.comparingInt(ActualRule::priority));
    return rules;
  }

  /** The listener's certificate list: every certificate once, the default one included. */
  private static List<String> certificateList(List<String> certs) {
    return certs.stream().distinct().toList();
  }

  private static Certificate certificate(String arn) {
    return Certificate.builder().certificateArn(arn).build();
  }

  static boolean isSecure(String protocol) {
    return "HTTPS".equalsIgnoreCase(protocol) || "TLS".equalsIgnoreCase(protocol);
  }

  static boolean hasRules(String protocol) {
    return "HTTP".equalsIgnoreCase(protocol) || "HTTPS".equalsIgnoreCase(protocol);
  }
}
