package dev.lbr.plan;

import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What drifted, field by field: the planned changes read against the actual state they were planned
 * from. Pure. Changes that only follow from another one (attributes and targets of a target group
 * created in the same plan, rules of a new listener) add no finding of their own.
 */
public final class DriftFindings {
  private DriftFindings() {}

  public static List<DriftFinding> of(Plan plan, ActualStack actual) {
    List<DriftFinding> findings = new ArrayList<>();
    for (Change change : plan.changes()) {
      new Reader(actual, change, findings).read();
    }
    return List.copyOf(findings);
  }

  private record Reader(ActualStack actual, Change change, List<DriftFinding> out) {

    void read() {
      switch (change) {
        case Change.CreateLoadBalancer c -> missing("load balancer " + c.spec().name());
        case Change.DeleteLoadBalancer c -> extra("load balancer " + lbName(c.loadBalancer()));
        case Change.ModifyLoadBalancerAttributes c ->
            attributes(
                "load balancer " + lbName(c.loadBalancer()),
                c.attributes(),
                actual.loadBalancer().map(ActualLoadBalancer::attributes).orElse(Map.of()));
        case Change.SetSubnets c ->
            add(
                lbLabel(),
                "subnets",
                sorted(c.subnetIds()),
                actual.loadBalancer().map(lb -> sorted(lb.subnetIds())).orElse(DriftFinding.UNSET));
        case Change.SetIpAddressType c ->
            add(
                lbLabel(),
                "ipAddressType",
                c.ipAddressType(),
                actual.loadBalancer().map(ActualLoadBalancer::ipAddressType).orElse(null));
        case Change.SetSecurityGroups c ->
            add(
                lbLabel(),
                "securityGroups",
                c.securityGroups().toString(),
                actual.loadBalancer().map(lb -> lb.securityGroupIds().toString()).orElse(null));
        case Change.CreateTargetGroup c -> {
          boolean replaced =
              actual.targetGroups().stream()
                  .anyMatch(tg -> c.spec().resourceId().equals(resourceIdOf(tg)));
          if (replaced) {
            add(
                "target group " + c.spec().resourceId(),
                "immutable settings",
                c.spec().protocol() + ":" + c.spec().port() + " " + c.spec().targetType(),
                "differ (replaced)");
          } else {
            missing("target group " + c.spec().resourceId());
          }
        }
        case Change.DeleteTargetGroup c -> extra("target group " + c.targetGroup());
        case Change.ModifyTargetGroupHealthCheck c ->
            add(
                "target group " + c.targetGroup(),
                "healthCheck",
                String.valueOf(c.healthCheck()),
                targetGroup(c.targetGroup())
                    .map(tg -> String.valueOf(tg.healthCheck()))
                    .orElse(null));
        case Change.ModifyTargetGroupAttributes c -> {
          if (!c.targetGroup().isPending()) {
            attributes(
                "target group " + c.targetGroup(),
                c.attributes(),
                targetGroup(c.targetGroup()).map(ActualTargetGroup::attributes).orElse(Map.of()));
          }
        }
        case Change.RegisterTargets c -> {
          if (!c.targetGroup().isPending()) {
            for (Target t : c.targets()) {
              add("target group " + c.targetGroup(), "target " + t.key(), "registered", "absent");
            }
          }
        }
        case Change.DeregisterTargets c -> {
          for (Target t : c.targets()) {
            add("target group " + c.targetGroup(), "target " + t.key(), "absent", "registered");
          }
        }
        case Change.CreateListener c ->
            missing("listener " + c.spec().protocol() + ":" + c.spec().port());
        case Change.DeleteListener c -> extra("listener on port " + c.port());
        case Change.ModifyListener c -> listener(c);
        case Change.CreateRule c -> {
          if (!c.listener().isPending()) {
            add(
                "rule " + c.spec().priority() + " of listener " + listenerLabel(c.listener()),
                "existence",
                RuleText.of(c.spec()),
                DriftFinding.ABSENT);
          }
        }
        case Change.ModifyRule c ->
            add(
                "rule " + c.spec().priority() + " (" + c.rule() + ")",
                "conditions and actions",
                RuleText.of(c.spec()),
                rule(c.rule().arn()).map(DriftFindings::text).orElse(null));
        case Change.SetRulePriorities c ->
            c.priorities()
                .forEach(
                    (arn, priority) ->
                        add(
                            "rule " + arn.substring(arn.lastIndexOf('/') + 1),
                            "priority",
                            priority.toString(),
                            rule(arn).map(r -> Integer.toString(r.priority())).orElse(null)));
        case Change.DeleteRule c ->
            add(
                "rule " + c.rule(),
                "existence",
                DriftFinding.ABSENT,
                rule(c.rule().arn()).map(DriftFindings::text).orElse(DriftFinding.PRESENT));
        case Change.UpdateTags c -> {
          Map<String, String> tags = tagsOf(c.resource().arn());
          c.add().forEach((k, v) -> add(label(c.resource()), "tag " + k, v, tags.get(k)));
          c.remove().forEach(k -> add(label(c.resource()), "tag " + k, null, tags.get(k)));
        }
        case Change.CreateSecurityGroup c -> missing("security group " + c.spec().name());
        case Change.DeleteSecurityGroup c -> extra("security group " + c.securityGroup());
        case Change.AuthorizeSecurityGroupIngress c ->
            add(
                "security group " + c.securityGroup(),
                "inbound rules",
                SecurityGroupRules.describe(c.rules()),
                DriftFinding.ABSENT);
        case Change.RevokeSecurityGroupIngress c ->
            add(
                "security group " + c.securityGroup(),
                "inbound rules",
                DriftFinding.ABSENT,
                SecurityGroupRules.describe(c.rules()));
        case Change.UpdateSecurityGroupTags c -> {
          Map<String, String> tags = actual.securityGroup().map(sg -> sg.tags()).orElse(Map.of());
          c.add()
              .forEach(
                  (k, v) -> add("security group " + c.securityGroup(), "tag " + k, v, tags.get(k)));
          c.remove()
              .forEach(
                  k -> add("security group " + c.securityGroup(), "tag " + k, null, tags.get(k)));
        }
      }
    }

    private void listener(Change.ModifyListener c) {
      ListenerSpec want = c.spec();
      String label = "listener " + want.protocol() + ":" + want.port();
      Optional<ActualListener> have = listenerByArn(c.listener().arn());
      if (have.isEmpty()) {
        add(label, "settings", want.toString(), null);
        return;
      }
      ActualListener l = have.get();
      int before = out.size();
      if (!Semantics.sameIgnoreCase(want.protocol(), l.protocol())) {
        add(label, "protocol", want.protocol(), l.protocol());
      }
      String defaultCert = want.certificateArns().isEmpty() ? null : want.certificateArns().get(0);
      if (!Objects.equals(defaultCert, l.defaultCertificateArn())) {
        add(label, "default certificate", defaultCert, l.defaultCertificateArn());
      }
      if (!new TreeSet<>(want.certificateArns()).equals(new TreeSet<>(l.extraCertificateArns()))) {
        add(
            label,
            "certificate list",
            sorted(want.certificateArns()),
            sorted(l.extraCertificateArns()));
      }
      if (Semantics.driftedIfSet(want.sslPolicy(), l.sslPolicy())) {
        add(label, "sslPolicy", want.sslPolicy(), l.sslPolicy());
      }
      if (Semantics.driftedIfSet(want.alpnPolicy(), l.alpnPolicy())) {
        add(label, "alpnPolicy", want.alpnPolicy(), l.alpnPolicy());
      }
      if (out.size() == before) {
        add(
            label,
            "default actions",
            text(new RuleSpec(0, List.of(), want.defaultActions(), Map.of())),
            text(new RuleSpec(0, List.of(), l.defaultActions(), Map.of())));
      }
    }

    private void attributes(String label, Map<String, String> want, Map<String, String> have) {
      want.forEach((k, v) -> add(label, "attribute " + k, v, have.get(k)));
    }

    private void missing(String resource) {
      add(resource, "existence", DriftFinding.PRESENT, DriftFinding.ABSENT);
    }

    private void extra(String resource) {
      add(resource, "existence", DriftFinding.ABSENT, DriftFinding.PRESENT);
    }

    private void add(String resource, String field, String expected, String found) {
      out.add(
          new DriftFinding(
              resource,
              field,
              Objects.requireNonNullElse(expected, DriftFinding.UNSET),
              Objects.requireNonNullElse(found, DriftFinding.UNSET),
              change.describe()));
    }

    private String lbLabel() {
      return "load balancer " + actual.loadBalancer().map(ActualLoadBalancer::name).orElse("?");
    }

    private String lbName(Ref ref) {
      return actual
          .loadBalancer()
          .filter(lb -> lb.arn().equals(ref.arn()))
          .map(ActualLoadBalancer::name)
          .orElse(ref.toString());
    }

    private String listenerLabel(Ref ref) {
      return listenerByArn(ref.arn())
          .map(l -> l.protocol() + ":" + l.port())
          .orElse(ref.toString());
    }

    private String label(Ref ref) {
      if (actual.loadBalancer().filter(lb -> lb.arn().equals(ref.arn())).isPresent()) {
        return lbLabel();
      }
      if (targetGroup(ref).isPresent()) {
        return "target group " + ref;
      }
      Optional<ActualListener> listener = listenerByArn(ref.arn());
      if (listener.isPresent()) {
        return "listener " + listener.get().protocol() + ":" + listener.get().port();
      }
      return "resource " + ref;
    }

    private Optional<ActualTargetGroup> targetGroup(Ref ref) {
      return actual.targetGroups().stream().filter(tg -> tg.arn().equals(ref.arn())).findFirst();
    }

    private Optional<ActualListener> listenerByArn(String arn) {
      return actual.listeners().stream().filter(l -> l.arn().equals(arn)).findFirst();
    }

    private Optional<ActualListener.ActualRule> rule(String arn) {
      return actual.listeners().stream()
          .flatMap(l -> l.rules().stream())
          .filter(r -> r.arn().equals(arn))
          .findFirst();
    }

    private Map<String, String> tagsOf(String arn) {
      if (arn == null) {
        return Map.of();
      }
      Optional<ActualLoadBalancer> lb = actual.loadBalancer().filter(l -> l.arn().equals(arn));
      if (lb.isPresent()) {
        return lb.get().tags();
      }
      return actual.targetGroups().stream()
          .filter(tg -> tg.arn().equals(arn))
          .map(ActualTargetGroup::tags)
          .findFirst()
          .or(() -> listenerByArn(arn).map(ActualListener::tags))
          .or(
              () ->
                  actual.listeners().stream()
                      .flatMap(l -> l.rules().stream())
                      .filter(r -> r.arn().equals(arn))
                      .map(ActualListener.ActualRule::tags)
                      .findFirst())
          .orElse(Map.of());
    }

    private String resourceIdOf(ActualTargetGroup tg) {
      return tg.tags().get(actual.id().resourceTagKey());
    }
  }

  private static String text(ActualListener.ActualRule rule) {
    return RuleText.of(new RuleSpec(rule.priority(), rule.conditions(), rule.actions(), Map.of()));
  }

  private static String text(RuleSpec rule) {
    String s = RuleText.of(rule);
    return s.startsWith(" → ") ? s.substring(3) : s;
  }

  private static String sorted(List<String> values) {
    return new TreeSet<>(values).toString();
  }
}
