package dev.lbr.cli;

import dev.lbr.drift.DriftOptions;
import dev.lbr.drift.DriftReport;
import dev.lbr.drift.StackDrift;
import dev.lbr.reconcile.Controller;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

/**
 * The demo's last act, scenario 06-drift-repair: after the game-2048 ALB is applied, the console
 * edits of the scenario are made directly in the emulator, then {@code lbr drift --dry-run} and
 * {@code lbr drift} run.
 */
final class DriftDemo {
  private DriftDemo() {}

  /**
   * The out-of-band changes: algorithm set to round_robin, the rule deleted, a pod deregistered.
   */
  static void consoleEdits(ElasticLoadBalancingV2Client elb, PrintStream out) {
    TargetGroup tg = elb.describeTargetGroups(r -> {}).targetGroups().getFirst();
    elb.modifyTargetGroupAttributes(
        r ->
            r.targetGroupArn(tg.targetGroupArn())
                .attributes(
                    TargetGroupAttribute.builder()
                        .key("load_balancing.algorithm.type")
                        .value("round_robin")
                        .build()));
    String lb = elb.describeLoadBalancers(r -> {}).loadBalancers().getFirst().loadBalancerArn();
    String listener =
        elb.describeListeners(r -> r.loadBalancerArn(lb)).listeners().getFirst().listenerArn();
    elb.describeRules(r -> r.listenerArn(listener)).rules().stream()
        .filter(r -> !r.isDefault())
        .map(Rule::ruleArn)
        .forEach(arn -> elb.deleteRule(r -> r.ruleArn(arn)));
    elb.deregisterTargets(
        r ->
            r.targetGroupArn(tg.targetGroupArn())
                .targets(TargetDescription.builder().id("192.168.1.162").port(80).build()));
    out.println(
        "   (in the console: target group algorithm → round_robin, listener rule deleted,"
            + " pod 192.168.1.162 deregistered)");
  }

  /** Runs drift twice (dry run, then for real) and returns the exit status of the real one. */
  static int run(Controller controller, PrintStream out) {
    for (boolean dryRun : new boolean[] {true, false}) {
      out.printf("%n   lbr drift%s --gc-grace 0s%n", dryRun ? " --dry-run" : "");
      DriftReport report =
          controller
              .drift()
              .run(new DriftOptions(Duration.ZERO, 5, false, dryRun, 10, Optional.empty()));
      out.print(report.toText().indent(3));
      if (!dryRun) {
        return report.count(StackDrift.Outcome.FAILED) > 0 ? Lbr.FAILED : Lbr.OK;
      }
    }
    return Lbr.OK;
  }
}
