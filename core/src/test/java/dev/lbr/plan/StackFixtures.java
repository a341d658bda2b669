package dev.lbr.plan;

import dev.lbr.model.Action;
import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualListener.ActualRule;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.StackId;
import dev.lbr.model.Tags;
import dev.lbr.model.Target;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.model.TargetGroupSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A Service stack ({@code default/echo}: one NLB, TCP:80 → target group {@code default/echo:80},
 * two pods) and {@link #actualOf} to read a desired stack back the way AWS returns it.
 */
public final class StackFixtures {
  public static final StackId ID = StackId.service("default", "echo");
  public static final String TG80 = "default/echo:80";
  public static final String TG443 = "default/echo:443";
  public static final HealthCheck TCP_CHECK =
      new HealthCheck("TCP", "traffic-port", null, 10, 10, 3, 3, null);

  private static final String ARN = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:";

  private StackFixtures() {}

  public static Map<String, String> tags(String resourceId) {
    return Map.of(
        Tags.CLUSTER, "demo", ID.stackTagKey(), ID.name(), ID.resourceTagKey(), resourceId);
  }

  public static LoadBalancerSpec lb() {
    return new LoadBalancerSpec(
        "k8s-default-echo-0123456789",
        LoadBalancerType.NETWORK,
        "internet-facing",
        "ipv4",
        List.of("subnet-a", "subnet-b"),
        List.of("sg-1"),
        Map.of("load_balancing.cross_zone.enabled", "true"),
        tags(ResourceKeys.LOAD_BALANCER));
  }

  public static TargetGroupSpec tg(String resourceId, int port) {
    return new TargetGroupSpec(
        resourceId,
        "k8s-default-echo-" + port,
        "ip",
        "TCP",
        null,
        port,
        "ipv4",
        "vpc-1",
        TCP_CHECK,
        Map.of("preserve_client_ip.enabled", "true"),
        tags(resourceId));
  }

  public static ListenerSpec listener(int port, String protocol, String targetGroup) {
    return new ListenerSpec(
        port,
        protocol,
        List.of(),
        null,
        null,
        List.of(Action.Forward.to(TargetGroupRef.managed(targetGroup))),
        List.of(),
        Map.of());
  }

  public static Set<Target> pods(int count) {
    Set<Target> targets = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      targets.add(new Target("10.0." + (i / 250) + "." + (i % 250 + 1), 8080));
    }
    return targets;
  }

  public static DesiredStack stack(
      LoadBalancerSpec lb,
      List<TargetGroupSpec> targetGroups,
      List<ListenerSpec> listeners,
      Map<String, Set<Target>> targets) {
    return new DesiredStack(ID, Optional.of(lb), targetGroups, listeners, targets);
  }

  public static DesiredStack base() {
    return stack(
        lb(), List.of(tg(TG80, 8080)), List.of(listener(80, "TCP", TG80)), Map.of(TG80, pods(2)));
  }

  /** Copies with one part replaced. */
  public static DesiredStack withLb(DesiredStack d, LoadBalancerSpec lb) {
    return new DesiredStack(d.id(), Optional.of(lb), d.targetGroups(), d.listeners(), d.targets());
  }

  public static DesiredStack withTargetGroups(DesiredStack d, TargetGroupSpec... tgs) {
    return new DesiredStack(d.id(), d.loadBalancer(), List.of(tgs), d.listeners(), d.targets());
  }

  public static DesiredStack withListeners(DesiredStack d, ListenerSpec... listeners) {
    return new DesiredStack(
        d.id(), d.loadBalancer(), d.targetGroups(), List.of(listeners), d.targets());
  }

  public static DesiredStack withTargets(DesiredStack d, Map<String, Set<Target>> targets) {
    return new DesiredStack(d.id(), d.loadBalancer(), d.targetGroups(), d.listeners(), targets);
  }

  public static String lbArn(LoadBalancerSpec lb) {
    return ARN + "loadbalancer/net/" + lb.name() + "/0001";
  }

  public static String tgArn(TargetGroupSpec tg) {
    return ARN + "targetgroup/" + tg.name() + "/" + tg.protocol().toLowerCase() + tg.port();
  }

  public static String listenerArn(LoadBalancerSpec lb, int port) {
    return ARN + "listener/net/" + lb.name() + "/0001/" + port;
  }

  /** The ARN of the rule created at {@code priority} on the listener of {@code port}. */
  public static String ruleArn(LoadBalancerSpec lb, int port, int priority) {
    return ARN + "listener-rule/net/" + lb.name() + "/0001/" + port + "/r" + priority;
  }

  /**
   * The desired stack as AWS returns it once created: every attribute (defaults included),
   * upper-case protocols, subnets in another order, every certificate in the certificate list (the
   * default one too, as LBC attaches them) in another order, forwards by ARN, single forwards with
   * weight 1, rules as created, every target read.
   */
  public static ActualStack actualOf(DesiredStack d) {
    Map<String, String> arns = new HashMap<>();
    List<ActualTargetGroup> tgs = new ArrayList<>();
    Map<String, Set<Target>> targets = new HashMap<>();
    for (TargetGroupSpec tg : d.targetGroups()) {
      arns.put(tg.resourceId(), tgArn(tg));
      tgs.add(actualOf(tg));
      targets.put(tgArn(tg), d.targets().getOrDefault(tg.resourceId(), Set.of()));
    }
    Optional<ActualLoadBalancer> lb = d.loadBalancer().map(StackFixtures::actualOf);
    List<ActualListener> listeners =
        d.listeners().stream().map(l -> actualOf(d.loadBalancer().orElseThrow(), l, arns)).toList();
    return new ActualStack(d.id(), lb, listeners, tgs, targets);
  }

  public static ActualLoadBalancer actualOf(LoadBalancerSpec lb) {
    return new ActualLoadBalancer(
        lbArn(lb),
        lb.name(),
        lb.type(),
        lb.scheme(),
        lb.ipAddressType() == null ? "ipv4" : lb.ipAddressType(),
        lb.name() + ".elb.eu-west-1.amazonaws.com",
        "vpc-1",
        lb.subnetIds().reversed(),
        lb.securityGroupIds(),
        withDefaults(
            lb.attributes(),
            Map.of("deletion_protection.enabled", "false", "access_logs.s3.enabled", "false")),
        lb.tags());
  }

  public static ActualTargetGroup actualOf(TargetGroupSpec tg) {
    HealthCheck hc = tg.healthCheck();
    boolean l4 = Set.of("TCP", "UDP", "TLS").contains(hc.protocol().toUpperCase());
    return new ActualTargetGroup(
        tgArn(tg),
        tg.name(),
        tg.targetType(),
        tg.protocol().toUpperCase(),
        tg.protocolVersion(),
        tg.port(),
        tg.ipAddressType() == null ? "ipv4" : tg.ipAddressType(),
        tg.vpcId() == null ? "vpc-1" : tg.vpcId(),
        new HealthCheck(
            hc.protocol().toUpperCase(),
            hc.port() == null ? "traffic-port" : hc.port(),
            l4 ? null : hc.path(),
            hc.intervalSeconds(),
            hc.timeoutSeconds(),
            hc.healthyThreshold(),
            hc.unhealthyThreshold(),
            l4 ? null : hc.matcher()),
        withDefaults(
            tg.attributes(),
            Map.of("deregistration_delay.timeout_seconds", "300", "stickiness.enabled", "false")),
        tg.tags());
  }

  private static ActualListener actualOf(
      LoadBalancerSpec lb, ListenerSpec l, Map<String, String> tgArns) {
    // as LBC leaves it: the first certificate is the default, and all are in the list
    String defaultCertificate = l.certificateArns().isEmpty() ? null : l.certificateArns().get(0);
    List<String> certificateList = l.certificateArns().reversed();
    List<Action> actions = l.defaultActions().stream().map(a -> (Action) byArn(a, tgArns)).toList();
    List<ActualRule> rules =
        l.rules().stream()
            .map(
                r ->
                    new ActualRule(
                        ruleArn(lb, l.port(), r.priority()),
                        r.priority(),
                        r.conditions(),
                        r.actions().stream().map(a -> (Action) byArn(a, tgArns)).toList(),
                        r.tags()))
            .toList();
    return new ActualListener(
        listenerArn(lb, l.port()),
        l.port(),
        l.protocol().toUpperCase(),
        defaultCertificate,
        certificateList,
        l.sslPolicy(),
        l.alpnPolicy() == null ? null : l.alpnPolicy(),
        actions,
        rules,
        l.tags());
  }

  private static Action byArn(Action action, Map<String, String> tgArns) {
    if (!(action instanceof Action.Forward f)) {
      return action;
    }
    boolean alone = f.targetGroups().size() == 1;
    return new Action.Forward(
        f.targetGroups().stream()
            .map(
                w ->
                    new Action.WeightedTargetGroup(
                        w.targetGroup().arn() != null
                            ? w.targetGroup()
                            : TargetGroupRef.external(tgArns.get(w.targetGroup().resourceId())),
                        alone ? Integer.valueOf(1) : w.weight()))
            .toList(),
        f.stickinessDurationSeconds());
  }

  private static Map<String, String> withDefaults(
      Map<String, String> set, Map<String, String> defaults) {
    Map<String, String> all = new HashMap<>(defaults);
    all.putAll(set);
    return all;
  }

  /** The actual stack with each target group (and the load balancer) transformed. */
  public static ActualStack mapTargetGroups(ActualStack a, UnaryOperator<ActualTargetGroup> f) {
    return new ActualStack(
        a.id(),
        a.loadBalancer(),
        a.listeners(),
        a.targetGroups().stream().map(f).toList(),
        a.targets());
  }

  public static ActualStack mapLoadBalancer(ActualStack a, UnaryOperator<ActualLoadBalancer> f) {
    return new ActualStack(
        a.id(), a.loadBalancer().map(f), a.listeners(), a.targetGroups(), a.targets());
  }

  public static ActualStack mapListeners(ActualStack a, UnaryOperator<ActualListener> f) {
    return new ActualStack(
        a.id(),
        a.loadBalancer(),
        a.listeners().stream().map(f).toList(),
        a.targetGroups(),
        a.targets());
  }

  /** The listener with this default certificate and this certificate list. */
  public static ActualListener withCertificates(
      ActualListener l, String defaultCertificate, String... certificateList) {
    return new ActualListener(
        l.arn(),
        l.port(),
        l.protocol(),
        defaultCertificate,
        List.of(certificateList),
        l.sslPolicy(),
        l.alpnPolicy(),
        l.defaultActions(),
        l.rules(),
        l.tags());
  }

  public static ActualTargetGroup withTags(ActualTargetGroup t, Map<String, String> tags) {
    return new ActualTargetGroup(
        t.arn(),
        t.name(),
        t.targetType(),
        t.protocol(),
        t.protocolVersion(),
        t.port(),
        t.ipAddressType(),
        t.vpcId(),
        t.healthCheck(),
        t.attributes(),
        tags);
  }

  public static ActualLoadBalancer withAttributes(
      ActualLoadBalancer l, Map<String, String> attributes) {
    return new ActualLoadBalancer(
        l.arn(),
        l.name(),
        l.type(),
        l.scheme(),
        l.ipAddressType(),
        l.dnsName(),
        l.vpcId(),
        l.subnetIds(),
        l.securityGroupIds(),
        attributes,
        l.tags());
  }

  public static ActualLoadBalancer withTags(ActualLoadBalancer l, Map<String, String> tags) {
    return new ActualLoadBalancer(
        l.arn(),
        l.name(),
        l.type(),
        l.scheme(),
        l.ipAddressType(),
        l.dnsName(),
        l.vpcId(),
        l.subnetIds(),
        l.securityGroupIds(),
        l.attributes(),
        tags);
  }

  public static Map<String, String> plus(Map<String, String> map, String key, String value) {
    Map<String, String> copy = new HashMap<>(map);
    copy.put(key, value);
    return Map.copyOf(copy);
  }

  public static Map<String, String> minus(Map<String, String> map, String key) {
    Map<String, String> copy = new HashMap<>(map);
    copy.remove(key);
    return Map.copyOf(copy);
  }
}
