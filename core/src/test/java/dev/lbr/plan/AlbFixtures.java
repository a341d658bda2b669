package dev.lbr.plan;

import static dev.lbr.plan.StackFixtures.pods;

import dev.lbr.model.Action;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.model.TargetGroupSpec;
import java.util.List;
import java.util.Map;

/**
 * {@link StackFixtures}' stack as an ALB: HTTP:80 answering 404 by default, with the rules a test
 * gives it, forwarding to HTTP target groups {@link #API} and {@link #WEB}.
 */
public final class AlbFixtures {
  public static final String API = "game/api:80";
  public static final String WEB = "game/web:80";
  public static final LoadBalancerSpec ALB =
      SpecBuilders.lb(StackFixtures.lb()).type(LoadBalancerType.APPLICATION).build();

  private AlbFixtures() {}

  public static DesiredStack stack(ListenerSpec... listeners) {
    return StackFixtures.stack(
        ALB, List.of(tg(API), tg(WEB)), List.of(listeners), Map.of(API, pods(2), WEB, pods(1)));
  }

  public static TargetGroupSpec tg(String resourceId) {
    int port = resourceId.equals(API) ? 8080 : 8081;
    return SpecBuilders.tg(StackFixtures.tg(resourceId, port))
        .protocol("HTTP")
        .protocolVersion("HTTP1")
        .build();
  }

  public static ListenerSpec http80(RuleSpec... rules) {
    return new ListenerSpec(
        80,
        "HTTP",
        null,
        null,
        null,
        List.of(new Action.FixedResponse("404", "text/plain", null)),
        List.of(rules),
        null);
  }

  /** A rule forwarding a path pattern to one of the stack's target groups. */
  public static RuleSpec rule(int priority, String path, String targetGroup) {
    return new RuleSpec(priority, List.of(path(path)), List.of(forward(targetGroup)), null);
  }

  public static Action forward(String resourceId) {
    return Action.Forward.to(TargetGroupRef.managed(resourceId));
  }

  public static RuleCondition path(String... values) {
    return new RuleCondition("path-pattern", List.of(values), null, null, null);
  }
}
