package dev.lbr.translate.ingress;

import dev.lbr.model.BackendRef;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.StackNetworking;
import dev.lbr.model.Tags;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupSpec;
import dev.lbr.model.TargetSource;
import dev.lbr.translate.common.StackQuotas;
import dev.lbr.translate.common.TargetNetworking;
import dev.lbr.translate.common.TargetSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a {@link GroupPlan} into the desired stack, with what needs the AWS facts: subnets,
 * security groups, generated names, the VPC and the ownership tags.
 */
final class StackAssembler {
  private StackAssembler() {}

  static DesiredStack assemble(GroupPlan plan, ClusterFacts facts) {
    StackId id = plan.id();
    String cluster = facts.clusterName();
    LoadBalancerSettings s = plan.loadBalancer();
    List<String> subnets = s.subnets().resolve(facts, s.scheme(), plan.members().get(0));
    List<String> userGroups =
        s.securityGroups().map(g -> SecurityGroups.resolve(g, facts)).orElse(List.of());
    Optional<SecurityGroupSpec> managed =
        userGroups.isEmpty()
            ? Optional.of(SecurityGroups.managed(plan, facts, s.ipAddressType(), s.tags()))
            : Optional.empty();
    LoadBalancerSpec lb =
        new LoadBalancerSpec(
            s.explicitName()
                .map(Exclusive.Sourced::value)
                .orElseGet(() -> AlbNames.loadBalancer(cluster, id, s.scheme())),
            LoadBalancerType.APPLICATION,
            s.scheme(),
            s.ipAddressType(),
            subnets,
            userGroups,
            s.attributes(),
            IngressTags.withOwnership(id, cluster, Tags.LOAD_BALANCER_RESOURCE, s.tags()));
    List<ListenerSpec> listeners = new ArrayList<>();
    for (GroupPlan.ListenerPlan l : plan.listeners()) {
      listeners.add(listener(id, cluster, l));
    }
    List<TargetGroupSpec> targetGroups = new ArrayList<>();
    for (TargetGroupDraft tg : plan.targetGroups()) {
      targetGroups.add(
          new TargetGroupSpec(
              tg.resourceId(),
              AlbNames.targetGroup(cluster, id, tg),
              tg.targetType(),
              tg.protocol(),
              tg.protocolVersion(),
              tg.port(),
              tg.ipAddressType(),
              facts.vpcId(),
              tg.healthCheck(),
              tg.attributes(),
              IngressTags.withOwnership(id, cluster, tg.resourceId(), tg.userTags())));
    }
    boolean backend = managed.isPresent() || s.manageBackendRules();
    StackNetworking networking =
        new StackNetworking(
            backend,
            backend
                ? TargetNetworking.fromBackend(LoadBalancerType.APPLICATION, targetGroups)
                : List.of(),
            List.of());
    Map<String, BackendRef> backends = new TreeMap<>();
    for (TargetGroupDraft tg : plan.targetGroups()) {
      backends.put(
          tg.resourceId(),
          new BackendRef(
              tg.service().metadata().namespace(),
              tg.service().metadata().name(),
              tg.servicePort(),
              tg.servicePortSpec() == null ? null : tg.servicePortSpec().targetPort()));
    }
    Map<String, Set<Target>> targets = targets(plan);
    StackQuotas.targets(targets)
        .ifPresent(
            problem -> {
              TargetGroupDraft tg =
                  plan.targetGroups().stream()
                      .filter(d -> problem.startsWith("target group " + d.resourceId() + " "))
                      .findFirst()
                      .orElse(plan.targetGroups().get(0));
              throw tg.member().annotations().invalid(problem);
            });
    return new DesiredStack(
        id, Optional.of(lb), targetGroups, listeners, targets, managed, networking, backends);
  }

  private static ListenerSpec listener(StackId id, String cluster, GroupPlan.ListenerPlan l) {
    ListenerConfig c = l.config();
    List<RuleSpec> rules = new ArrayList<>();
    int priority = 1;
    for (RuleDraft r : l.rules()) {
      rules.add(
          new RuleSpec(
              priority,
              r.conditions(),
              r.actions(),
              IngressTags.withOwnership(
                  id, cluster, c.port() + ":" + priority, IngressTags.member(r.member()))));
      priority++;
    }
    return new ListenerSpec(
        c.port(),
        c.protocol(),
        c.certificates(),
        c.sslPolicy(),
        null,
        l.defaultActions(),
        rules,
        IngressTags.withOwnership(
            id, cluster, Integer.toString(c.port()), IngressTags.group(c.members())));
  }

  /**
   * ip: the ready endpoints of every target group's Service port; instance: the eligible nodes on
   * the nodePort.
   */
  static Map<String, Set<Target>> targets(GroupPlan plan) {
    return TargetSources.resolve(sources(plan), plan.slices(), plan.nodes());
  }

  /** Where each target group's targets come from, by target group resource id. */
  static Map<String, TargetSource> sources(GroupPlan plan) {
    Map<String, TargetSource> sources = new TreeMap<>();
    for (TargetGroupDraft tg : plan.targetGroups()) {
      sources.put(
          tg.resourceId(),
          tg.instance()
              ? TargetSource.nodes(tg.port(), tg.nodeLabels())
              : TargetSources.pods(tg.service(), tg.servicePortSpec(), tg.ipAddressType()));
    }
    return sources;
  }
}
