package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.SSL_REDIRECT;

import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sNode;
import dev.lbr.model.Action;
import dev.lbr.model.StackId;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.ElbLimits;
import dev.lbr.translate.ingress.Exclusive.Sourced;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything of a group's stack that needs no AWS facts (LBC {@code defaultModelBuildTask.run}):
 * the members, the load balancer settings, the listeners with their default actions and rules, and
 * the target groups those reference. All input validation happens here, so {@link
 * IngressModelBuilder#targets} fails exactly when {@link IngressModelBuilder#build} does (short of
 * the facts).
 */
record GroupPlan(
    StackId id,
    List<Member> members,
    LoadBalancerSettings loadBalancer,
    List<ListenerPlan> listeners,
    List<TargetGroupDraft> targetGroups,
    Map<String, List<K8sEndpointSlice>> slices,
    List<K8sNode> nodes) {
  static final int MAX_RULES_PER_ALB = ElbLimits.RULES_PER_ALB;

  /** A listener: its merged configuration, default actions and rules (priority = index + 1). */
  record ListenerPlan(ListenerConfig config, List<Action> defaultActions, List<RuleDraft> rules) {}

  /** The plan of {@code input}'s group; empty when the group has no members left. */
  static Optional<GroupPlan> of(IngressGroupInput input) {
    List<Member> members =
        Groups.members(input.id(), input.members(), input.classes(), input.params());
    if (members.isEmpty()) {
      return Optional.empty();
    }
    members.forEach(UnsupportedIngressAnnotations::check);
    LoadBalancerSettings lb = LoadBalancerSettings.of(members);
    SortedMap<Integer, ListenerConfig> configs =
        ListenerConfig.merge(members.stream().map(ListenPorts::of).toList());
    GroupLimits.listeners(configs);
    if (lb.securityGroups().isEmpty()) {
      GroupLimits.inboundRules(configs, lb.ipAddressType().startsWith("dualstack"));
    }
    Optional<Integer> sslRedirect = sslRedirect(members, configs);
    TargetGroups targetGroups = new TargetGroups(lb.ipAddressType());
    Backends backends = new Backends(input.services(), targetGroups);
    RuleBuilder rules = new RuleBuilder(backends);
    List<ListenerPlan> listeners = new ArrayList<>();
    int ruleCount = 0;
    for (ListenerConfig config : configs.values()) {
      boolean redirected = sslRedirect.isPresent() && !config.https();
      List<Action> defaults =
          redirected
              ? List.of(redirectTo(sslRedirect.get()))
              : List.of(defaultAction(config, backends));
      List<RuleDraft> listenerRules = redirected ? List.of() : rules.rules(config);
      for (RuleDraft r : listenerRules) {
        if (++ruleCount > MAX_RULES_PER_ALB) {
          throw r.member()
              .annotations()
              .invalid(
                  "the IngressGroup needs more than "
                      + MAX_RULES_PER_ALB
                      + " listener rules; an ALB allows at most "
                      + MAX_RULES_PER_ALB
                      + " (not counting default rules)");
        }
      }
      listeners.add(new ListenerPlan(config, defaults, listenerRules));
    }
    GroupLimits.targetGroups(targetGroups.all());
    return Optional.of(
        new GroupPlan(
            input.id(),
            members,
            lb,
            List.copyOf(listeners),
            List.copyOf(targetGroups.all()),
            input.slices(),
            input.nodes()));
  }

  /**
   * The listener's default action: the one member's {@code spec.defaultBackend}, else a 404 (LBC
   * {@code buildListenerDefaultActions}).
   */
  private static Action defaultAction(ListenerConfig config, Backends backends) {
    List<Member> withDefault =
        config.members().stream()
            .filter(m -> m.ingress().spec() != null && m.ingress().spec().defaultBackend() != null)
            .toList();
    if (withDefault.isEmpty()) {
      return new Action.FixedResponse("404", "text/plain", null);
    }
    if (withDefault.size() > 1) {
      throw withDefault
          .get(1)
          .annotations()
          .invalid(
              "multiple ingress defined default backend: "
                  + withDefault.stream().map(Member::key).toList()
                  + " (at most one Ingress of the group may set spec.defaultBackend for port "
                  + config.port()
                  + ")");
    }
    Member m = withDefault.get(0);
    return backends.resolve(m, m.ingress().spec().defaultBackend()).action();
  }

  private static Action redirectTo(int httpsPort) {
    return new Action.Redirect("HTTPS", Integer.toString(httpsPort), null, null, null, "HTTP_301");
  }

  /**
   * The group's {@code ssl-redirect} port (IngressClassParams {@code sslRedirectPort} wins): one
   * value, naming an HTTPS listen port.
   */
  private static Optional<Integer> sslRedirect(
      List<Member> members, SortedMap<Integer, ListenerConfig> configs) {
    Optional<Sourced<Integer>> port =
        Exclusive.value(members, SSL_REDIRECT, GroupPlan::sslRedirectOf, Integer::equals);
    port.ifPresent(
        p -> {
          ListenerConfig listener = configs.get(p.value());
          if (listener == null) {
            throw p.invalid(
                SSL_REDIRECT,
                "listener does not exist for SSLRedirect port: "
                    + p.value()
                    + " (add it to listen-ports as HTTPS)");
          }
          if (!listener.https()) {
            throw p.invalid(
                SSL_REDIRECT, "listener protocol non-SSL for SSLRedirect port: " + p.value());
          }
        });
    return port.map(Sourced::value);
  }

  private static Optional<Sourced<Integer>> sslRedirectOf(Member m) {
    Optional<String> fromParams = m.classParams().flatMap(ClassParams::sslRedirectPort);
    if (fromParams.isEmpty()) {
      return m.annotations().int32(SSL_REDIRECT).map(v -> Sourced.annotation(m, v));
    }
    Sourced<String> raw = Sourced.params(m, "sslRedirectPort", fromParams.get());
    int port =
        Annotations.parseInt32(raw.value())
            .orElseThrow(
                () -> raw.invalid(SSL_REDIRECT, "\"" + raw.value() + "\" is not a port number"));
    return Optional.of(Sourced.params(m, "sslRedirectPort", port));
  }
}
