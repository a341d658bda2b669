package dev.lbr.model;

import java.util.List;
import java.util.Map;

/**
 * A desired listener, matched to the existing one by port. {@code certificateArns} lists the
 * default certificate first. {@code sslPolicy} and {@code alpnPolicy} apply to TLS/HTTPS listeners
 * only.
 */
public record ListenerSpec(
    int port,
    String protocol,
    List<String> certificateArns,
    String sslPolicy,
    String alpnPolicy,
    List<Action> defaultActions,
    List<RuleSpec> rules,
    Map<String, String> tags) {
  public ListenerSpec {
    certificateArns = certificateArns == null ? List.of() : List.copyOf(certificateArns);
    defaultActions = List.copyOf(defaultActions);
    rules = rules == null ? List.of() : List.copyOf(rules);
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }
}
