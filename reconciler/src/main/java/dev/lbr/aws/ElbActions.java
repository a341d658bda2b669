package dev.lbr.aws;

import dev.lbr.model.Action;
import dev.lbr.model.TargetGroupRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupStickinessConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * Maps listener and rule actions between the model and the SDK. Writing needs every target group
 * reference resolved to an ARN; reading yields {@link TargetGroupRef#external(String)} references.
 */
final class ElbActions {
  private ElbActions() {}

  static List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Action> toSdk(
      List<Action> actions) {
    List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Action> sdk =
        new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      sdk.add(toSdk(actions.get(i), i + 1));
    }
    return sdk;
  }

  static software.amazon.awssdk.services.elasticloadbalancingv2.model.Action toSdk(
      Action action, int order) {
    var b =
        software.amazon.awssdk.services.elasticloadbalancingv2.model.Action.builder().order(order);
    switch (action) {
      case Action.Forward f -> {
        b.type(ActionTypeEnum.FORWARD);
        if (isPlain(f)) {
          b.targetGroupArn(arnOf(f.targetGroups().get(0).targetGroup()));
        } else {
          b.forwardConfig(forwardConfig(f));
        }
      }
      case Action.FixedResponse r ->
          b.type(ActionTypeEnum.FIXED_RESPONSE)
              .fixedResponseConfig(
                  FixedResponseActionConfig.builder()
                      .statusCode(r.statusCode())
                      .contentType(r.contentType())
                      .messageBody(r.messageBody())
                      .build());
      case Action.Redirect r ->
          b.type(ActionTypeEnum.REDIRECT)
              .redirectConfig(
                  RedirectActionConfig.builder()
                      .protocol(r.protocol())
                      .port(r.port())
                      .host(r.host())
                      .path(r.path())
                      .query(r.query())
                      .statusCode(r.statusCode())
                      .build());
    }
    return b.build();
  }

  /** One target group, no weight, no stickiness: the plain {@code TargetGroupArn} form. */
  private static boolean isPlain(Action.Forward f) {
    return f.targetGroups().size() == 1
        && f.targetGroups().get(0).weight() == null
        && f.stickinessDurationSeconds() == null;
  }

  private static ForwardActionConfig forwardConfig(Action.Forward f) {
    var b =
        ForwardActionConfig.builder()
            .targetGroups(
                f.targetGroups().stream()
                    .map(
                        w ->
                            TargetGroupTuple.builder()
                                .targetGroupArn(arnOf(w.targetGroup()))
                                .weight(w.weight())
                                .build())
                    .toList());
    if (f.stickinessDurationSeconds() != null) {
      b.targetGroupStickinessConfig(
          TargetGroupStickinessConfig.builder()
              .enabled(true)
              .durationSeconds(f.stickinessDurationSeconds())
              .build());
    }
    return b.build();
  }

  private static String arnOf(TargetGroupRef ref) {
    if (ref.arn() == null) {
      throw new IllegalArgumentException(
          "target group reference not resolved to an ARN: " + ref.resourceId());
    }
    return ref.arn();
  }

  static List<Action> fromSdk(
      List<software.amazon.awssdk.services.elasticloadbalancingv2.model.Action> actions) {
    return actions.stream()
        .sorted(Comparator.comparing(a -> a.order() == null ? Integer.MAX_VALUE : a.order()))
        .map(ElbActions::fromSdk)
        .toList();
  }

  /**
   * Reads one action. A forward to a single target group reads back as a plain forward (no weight:
   * a lone target group takes all traffic whatever its weight); disabled stickiness reads as
   * absent.
   */
  static Action fromSdk(software.amazon.awssdk.services.elasticloadbalancingv2.model.Action a) {
    return switch (a.typeAsString()) {
      case "forward" -> forwardFromSdk(a);
      case "fixed-response" -> {
        FixedResponseActionConfig c = a.fixedResponseConfig();
        yield new Action.FixedResponse(c.statusCode(), c.contentType(), c.messageBody());
      }
      case "redirect" -> {
        RedirectActionConfig c = a.redirectConfig();
        yield new Action.Redirect(
            c.protocol(), c.port(), c.host(), c.path(), c.query(), c.statusCodeAsString());
      }
      default ->
          throw new UnsupportedOperationException("unsupported action type: " + a.typeAsString());
    };
  }

  private static Action forwardFromSdk(
      software.amazon.awssdk.services.elasticloadbalancingv2.model.Action a) {
    ForwardActionConfig c = a.forwardConfig();
    if (c == null || !c.hasTargetGroups() || c.targetGroups().isEmpty()) {
      return Action.Forward.to(TargetGroupRef.external(a.targetGroupArn()));
    }
    Integer stickiness = null;
    TargetGroupStickinessConfig s = c.targetGroupStickinessConfig();
    if (s != null && Boolean.TRUE.equals(s.enabled())) {
      stickiness = s.durationSeconds();
    }
    boolean single = c.targetGroups().size() == 1;
    List<Action.WeightedTargetGroup> groups =
        c.targetGroups().stream()
            .map(
                t ->
                    new Action.WeightedTargetGroup(
                        TargetGroupRef.external(t.targetGroupArn()), single ? null : t.weight()))
            .toList();
    return new Action.Forward(groups, stickiness);
  }
}
