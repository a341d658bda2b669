package dev.lbr.aws;

import dev.lbr.model.Target;
import dev.lbr.model.TargetHealth;
import dev.lbr.plan.Change;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthStateEnum;

/** Target registration calls of {@link SdkElbGateway}, at most 200 targets per call. */
final class ElbTargets {
  private final ElasticLoadBalancingV2Client elb;

  ElbTargets(ElasticLoadBalancingV2Client elb) {
    this.elb = elb;
  }

  Set<Target> of(String targetGroupArn) {
    return registered(
        elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions());
  }

  Map<Target, TargetHealth> health(String targetGroupArn) {
    Map<Target, TargetHealth> health = new TreeMap<>();
    for (TargetHealthDescription d :
        elb.describeTargetHealth(r -> r.targetGroupArn(targetGroupArn))
            .targetHealthDescriptions()) {
      if (d.target().port() != null && d.targetHealth() != null) {
        health.put(
            new Target(d.target().id(), d.target().port()),
            new TargetHealth(
                d.targetHealth().stateAsString(),
                d.targetHealth().reasonAsString(),
                d.targetHealth().description()));
      }
    }
    return health;
  }

  void register(String targetGroupArn, List<Target> targets) {
    checkBatch(targets);
    if (!targets.isEmpty()) {
      elb.registerTargets(r -> r.targetGroupArn(targetGroupArn).targets(toSdk(targets)));
    }
  }

  /**
   * A target that is not registered counts as deregistered: when the call is refused for that
   * reason, the targets still registered are deregistered instead.
   */
  void deregister(String targetGroupArn, List<Target> targets) {
    checkBatch(targets);
    if (targets.isEmpty()) {
      return;
    }
    AwsErrors.runHandling(
        "InvalidTarget",
        () -> elb.deregisterTargets(r -> r.targetGroupArn(targetGroupArn).targets(toSdk(targets))),
        () -> {
          Set<Target> current = of(targetGroupArn);
          List<Target> still = targets.stream().filter(current::contains).toList();
          if (!still.isEmpty()) {
            elb.deregisterTargets(r -> r.targetGroupArn(targetGroupArn).targets(toSdk(still)));
          }
        });
  }

  /** Registered targets, leaving out those already draining. */
  static Set<Target> registered(List<TargetHealthDescription> descriptions) {
    Set<Target> targets = new LinkedHashSet<>();
    for (TargetHealthDescription d : descriptions) {
      boolean draining =
          d.targetHealth() != null && d.targetHealth().state() == TargetHealthStateEnum.DRAINING;
      if (!draining && d.target().port() != null) {
        targets.add(new Target(d.target().id(), d.target().port()));
      }
    }
    return targets;
  }

  private static void checkBatch(List<Target> targets) {
    if (targets.size() > Change.MAX_TARGETS_PER_CALL) {
      throw new IllegalArgumentException(
          targets.size()
              + " targets in one call; ELBv2 takes at most "
              + Change.MAX_TARGETS_PER_CALL
              + " (TargetPlanner.batches splits them)");
    }
  }

  private static List<TargetDescription> toSdk(List<Target> targets) {
    return targets.stream()
        .map(t -> TargetDescription.builder().id(t.id()).port(t.port()).build())
        .toList();
  }
}
