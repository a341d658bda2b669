package dev.lbr.plan;

import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Listeners, matched by port (LBC's {@code listener_synthesizer.go}): unmatched actual ones are
 * deleted, then missing ones created, then drifted ones modified; then each listener's rules.
 */
final class ListenerPlanner {
  private static final Set<String> SECURE = Set.of("HTTPS", "TLS");

  private final RulePlanner rules;

  ListenerPlanner(RulePlanner rules) {
    this.rules = rules;
  }

  PlannedChanges plan(
      DesiredStack desired,
      ActualStack actual,
      LoadBalancerPlanner.Result lb,
      ActionEquality actions) {
    PlannedChanges out = new PlannedChanges();
    if (lb.ref().isEmpty()) {
      if (!desired.listeners().isEmpty()) {
        throw new IllegalArgumentException(
            "stack " + desired.id() + " has listeners but no load balancer");
      }
      return out; // deleting the load balancer deletes its listeners
    }
    Ref lbRef = lb.ref().get();
    // a fresh load balancer has no listeners, whatever the old one had
    List<ActualListener> existing = lb.fresh() ? List.of() : actual.listeners();
    var matches =
        Matches.byKey(desired.listeners(), ListenerSpec::port, existing, ActualListener::port);

    for (ActualListener gone : matches.onlyActual()) {
      out.add(new Change.DeleteListener(ref(gone), gone.port()))
          .extra("listener on port " + gone.port());
    }
    for (ListenerSpec spec : matches.onlyDesired()) {
      out.add(new Change.CreateListener(lbRef, spec)).missing(label(spec));
    }
    Map<Integer, ActualListener> matchedByPort = new TreeMap<>();
    for (var pair : matches.matched()) {
      matchedByPort.put(pair.desired().port(), pair.actual());
      List<Difference> differences = differences(pair.desired(), pair.actual(), actions);
      if (!differences.isEmpty()) {
        PlannedChanges.Reasons why =
            out.add(new Change.ModifyListener(ref(pair.actual()), pair.desired()));
        differences.forEach(
            d -> why.differs(label(pair.desired()), d.field(), d.expected(), d.found()));
      }
    }
    List<ListenerSpec> byPort =
        desired.listeners().stream().sorted(Comparator.comparingInt(ListenerSpec::port)).toList();
    for (ListenerSpec spec : byPort) {
      Optional<ActualListener> match = Optional.ofNullable(matchedByPort.get(spec.port()));
      Ref ref =
          match.map(ListenerPlanner::ref).orElse(Ref.pending(ResourceKeys.listener(spec.port())));
      out.addAll(rules.plan(spec, match, ref, actions));
    }
    return out;
  }

  /** One field of a listener that differs; null values are unset. */
  record Difference(String field, String expected, String found) {}

  /**
   * What differs between a desired listener and the one read, in the order the drift report lists
   * it; empty when the listener is up to date. The certificates are compared as LBC does: the
   * default certificate (the first desired one) must be the listener's, and the listener's
   * certificate list must hold every desired certificate, the default one included, and nothing
   * else (compared as sets). The default actions are reported only when nothing else differs.
   */
  static List<Difference> differences(
      ListenerSpec desired, ActualListener actual, ActionEquality actions) {
    List<Difference> out = new ArrayList<>();
    if (!Semantics.sameIgnoreCase(desired.protocol(), actual.protocol())) {
      out.add(new Difference("protocol", desired.protocol(), actual.protocol()));
    }
    List<String> certificates = desired.certificateArns();
    String defaultCertificate = certificates.isEmpty() ? null : certificates.getFirst();
    if (!Objects.equals(defaultCertificate, actual.defaultCertificateArn())) {
      out.add(
          new Difference(
              "default certificate", defaultCertificate, actual.defaultCertificateArn()));
    }
    if (!Set.copyOf(certificates).equals(Set.copyOf(actual.extraCertificateArns()))) {
      out.add(
          new Difference(
              "certificate list",
              PlannedChanges.asSet(certificates),
              PlannedChanges.asSet(actual.extraCertificateArns())));
    }
    if (SECURE.contains(Semantics.upper(desired.protocol()))) {
      if (Semantics.driftedIfSet(desired.sslPolicy(), actual.sslPolicy())) {
        out.add(new Difference("sslPolicy", desired.sslPolicy(), actual.sslPolicy()));
      }
      if (driftedAlpn(desired.alpnPolicy(), actual.alpnPolicy())) {
        out.add(new Difference("alpnPolicy", desired.alpnPolicy(), actual.alpnPolicy()));
      }
    }
    if (out.isEmpty() && !actions.same(desired.defaultActions(), actual.defaultActions())) {
      out.add(
          new Difference(
              "default actions",
              RuleText.actions(desired.defaultActions()),
              RuleText.actions(actual.defaultActions())));
    }
    return out;
  }

  /** LBC (default feature gates): an unset desired policy is left alone; unset equals None. */
  private static boolean driftedAlpn(String desired, String actual) {
    return !Semantics.isBlank(desired) && !alpn(desired).equals(alpn(actual));
  }

  private static String alpn(String policy) {
    return Semantics.isBlank(policy) ? "NONE" : Semantics.upper(policy);
  }

  private static String label(ListenerSpec spec) {
    return "listener " + spec.protocol() + ":" + spec.port();
  }

  static Ref ref(ActualListener listener) {
    return Ref.existing(listener.arn(), ResourceKeys.listener(listener.port()));
  }
}
