package dev.lbr.plan;

import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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

  List<Change> plan(
      DesiredStack desired,
      ActualStack actual,
      LoadBalancerPlanner.Result lb,
      ActionEquality actions) {
    if (lb.ref().isEmpty()) {
      if (!desired.listeners().isEmpty()) {
        throw new IllegalArgumentException(
            "stack " + desired.id() + " has listeners but no load balancer");
      }
      return List.of(); // deleting the load balancer deletes its listeners
    }
    Ref lbRef = lb.ref().get();
    // a fresh load balancer has no listeners, whatever the old one had
    List<ActualListener> existing = lb.fresh() ? List.of() : actual.listeners();
    var matches =
        Matches.byKey(desired.listeners(), ListenerSpec::port, existing, ActualListener::port);

    List<Change> changes = new ArrayList<>();
    for (ActualListener gone : matches.onlyActual()) {
      changes.add(new Change.DeleteListener(ref(gone), gone.port()));
    }
    for (ListenerSpec spec : matches.onlyDesired()) {
      changes.add(new Change.CreateListener(lbRef, spec));
    }
    Map<Integer, ActualListener> matchedByPort = new TreeMap<>();
    for (var pair : matches.matched()) {
      matchedByPort.put(pair.desired().port(), pair.actual());
      if (drifted(pair.desired(), pair.actual(), actions)) {
        changes.add(new Change.ModifyListener(ref(pair.actual()), pair.desired()));
      }
    }
    List<ListenerSpec> byPort =
        desired.listeners().stream().sorted(Comparator.comparingInt(ListenerSpec::port)).toList();
    for (ListenerSpec spec : byPort) {
      Optional<ActualListener> match = Optional.ofNullable(matchedByPort.get(spec.port()));
      Ref ref =
          match.map(ListenerPlanner::ref).orElse(Ref.pending(ResourceKeys.listener(spec.port())));
      changes.addAll(rules.plan(spec, match, ref, actions));
    }
    return List.copyOf(changes);
  }

  static boolean drifted(ListenerSpec desired, ActualListener actual, ActionEquality actions) {
    if (!Semantics.sameIgnoreCase(desired.protocol(), actual.protocol())) {
      return true;
    }
    if (!sameCertificates(desired.certificateArns(), actual)) {
      return true;
    }
    if (SECURE.contains(Semantics.upper(desired.protocol()))
        && (Semantics.driftedIfSet(desired.sslPolicy(), actual.sslPolicy())
            || driftedAlpn(desired.alpnPolicy(), actual.alpnPolicy()))) {
      return true;
    }
    return !actions.same(desired.defaultActions(), actual.defaultActions());
  }

  /**
   * LBC's comparison: the default certificate (the first desired one) must be the listener's, and
   * the listener's certificate list must hold every desired certificate, the default one included,
   * and nothing else (compared as sets).
   */
  static boolean sameCertificates(List<String> desired, ActualListener actual) {
    if (desired.isEmpty()) {
      return actual.defaultCertificateArn() == null && actual.extraCertificateArns().isEmpty();
    }
    return desired.get(0).equals(actual.defaultCertificateArn())
        && Set.copyOf(desired).equals(Set.copyOf(actual.extraCertificateArns()));
  }

  /** LBC (default feature gates): an unset desired policy is left alone; unset equals None. */
  private static boolean driftedAlpn(String desired, String actual) {
    return !Semantics.isBlank(desired) && !alpn(desired).equals(alpn(actual));
  }

  private static String alpn(String policy) {
    return Semantics.isBlank(policy) ? "NONE" : Semantics.upper(policy);
  }

  static Ref ref(ActualListener listener) {
    return Ref.existing(listener.arn(), ResourceKeys.listener(listener.port()));
  }
}
