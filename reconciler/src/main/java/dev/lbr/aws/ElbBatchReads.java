package dev.lbr.aws;

import dev.lbr.aws.ElbGateway.Described;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualTargetGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * {@link ElbGateway#describe} over the SDK, in as few calls as ELBv2 allows: load balancers and
 * target groups 20 ARNs per describe, their listeners per load balancer and rules per listener (400
 * a page), then the tags of all of them together, 20 ARNs per DescribeTags; attributes last, one
 * call per resource (the API takes one ARN), except for target groups whose attributes the caller
 * knows.
 */
final class ElbBatchReads {
  private final ElbTags tags;
  private final ElbLoadBalancers loadBalancers;
  private final ElbTargetGroups targetGroups;
  private final ElbListeners listeners;

  ElbBatchReads(
      ElbTags tags,
      ElbLoadBalancers loadBalancers,
      ElbTargetGroups targetGroups,
      ElbListeners listeners) {
    this.tags = tags;
    this.loadBalancers = loadBalancers;
    this.targetGroups = targetGroups;
    this.listeners = listeners;
  }

  /** One load balancer with its tags and attributes, no listener. */
  Optional<ActualLoadBalancer> loadBalancer(String arn) {
    return Optional.ofNullable(
        describe(List.of(arn), List.of(), Map.of(), false).loadBalancers().get(arn));
  }

  /** One target group with its tags and attributes. */
  Optional<ActualTargetGroup> targetGroup(String arn) {
    return Optional.ofNullable(
        describe(List.of(), List.of(arn), Map.of(), false).targetGroups().get(arn));
  }

  /** {@code withListeners}: also the load balancers' listeners and rules (else none). */
  Described describe(
      Collection<String> loadBalancerArns,
      Collection<String> targetGroupArns,
      Map<String, Map<String, String>> knownAttributes,
      boolean withListeners) {
    Map<String, LoadBalancer> lbs = loadBalancers.described(loadBalancerArns);
    Map<String, ElbListeners.Untagged> lbListeners = new LinkedHashMap<>();
    if (withListeners) {
      lbs.keySet().forEach(arn -> lbListeners.put(arn, listeners.untagged(arn)));
    }
    Map<String, TargetGroup> tgs = targetGroups.described(targetGroupArns);

    List<String> taggable = new ArrayList<>(lbs.keySet());
    taggable.addAll(tgs.keySet());
    lbListeners.values().forEach(l -> taggable.addAll(l.taggable()));
    Map<String, Map<String, String>> allTags = tags.of(taggable);

    Map<String, ActualLoadBalancer> lbModels = new LinkedHashMap<>();
    Map<String, List<ActualListener>> listenerModels = new LinkedHashMap<>();
    lbs.forEach(
        (arn, lb) ->
            loadBalancers
                .attributes(arn)
                .ifPresent(
                    attrs -> {
                      lbModels.put(arn, ElbLoadBalancers.toModel(lb, attrs, allTags.get(arn)));
                      if (withListeners) {
                        listenerModels.put(arn, lbListeners.get(arn).toModel(allTags));
                      }
                    }));
    Map<String, ActualTargetGroup> tgModels = new LinkedHashMap<>();
    tgs.forEach(
        (arn, tg) ->
            Optional.ofNullable(knownAttributes.get(arn))
                .or(() -> targetGroups.attributes(arn))
                .ifPresent(
                    attrs ->
                        tgModels.put(arn, ElbTargetGroups.toModel(tg, attrs, allTags.get(arn)))));
    return new Described(lbModels, listenerModels, tgModels);
  }
}
