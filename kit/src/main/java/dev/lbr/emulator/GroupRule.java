package dev.lbr.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One ingress rule of a security group, in the scenarios' terms (scenarios/README.md): a protocol
 * ({@code tcp|udp|icmp|all}, or a number), a port range (none for {@code all}) and one source: a
 * group (a role, or a literal {@code sg-…}), a CIDR (IPv4 or IPv6) or a prefix list ({@code pl-…}).
 * Two rules are the same rule when their {@link #key()}s are equal; the description is extra.
 */
public record GroupRule(
    String protocol, Integer fromPort, Integer toPort, String source, String description) {
  private static final Map<String, String> NAMES =
      Map.of("-1", "all", "6", "tcp", "17", "udp", "1", "icmp", "58", "icmpv6");

  public GroupRule {
    protocol = NAMES.getOrDefault(protocol.toLowerCase(java.util.Locale.ROOT), protocol);
    if (protocol.equals("all")) {
      fromPort = null;
      toPort = null;
    }
  }

  /** What a source is; a role and a literal group id are both groups. */
  public enum SourceKind {
    GROUP,
    CIDR,
    PREFIX_LIST
  }

  /**
   * A rule as {@code network.json} and expected files write it: {@code protocol}, {@code port} or
   * {@code fromPort}/{@code toPort}, one of {@code from}, {@code cidr}, {@code prefixList}, and an
   * optional {@code description}.
   */
  public static GroupRule parse(JsonNode rule) {
    String protocol = rule.path("protocol").asText("");
    if (protocol.isEmpty()) {
      throw new IllegalArgumentException("a rule without a protocol: " + rule);
    }
    Integer from = integer(rule, "fromPort");
    Integer to = integer(rule, "toPort");
    Integer port = integer(rule, "port");
    if (port != null) {
      from = port;
      to = port;
    }
    if (from != null && to == null) {
      to = from;
    }
    String source = null;
    int sources = 0;
    for (String field : new String[] {"from", "cidr", "prefixList"}) {
      if (rule.hasNonNull(field)) {
        source = rule.get(field).asText();
        sources++;
      }
    }
    if (sources != 1) {
      throw new IllegalArgumentException(
          "a rule needs exactly one of from, cidr, prefixList: " + rule);
    }
    String description = rule.hasNonNull("description") ? rule.get("description").asText() : null;
    return new GroupRule(protocol, from, to, source, description);
  }

  public SourceKind sourceKind() {
    if (source.startsWith("pl-")) {
      return SourceKind.PREFIX_LIST;
    }
    return source.contains("/") ? SourceKind.CIDR : SourceKind.GROUP;
  }

  /** The same rule with its group source renamed (a role to an id, or an id to a role). */
  public GroupRule withGroupSource(UnaryOperator<String> rename) {
    if (sourceKind() != SourceKind.GROUP) {
      return this;
    }
    return new GroupRule(protocol, fromPort, toPort, rename.apply(source), description);
  }

  public GroupRule withoutDescription() {
    return new GroupRule(protocol, fromPort, toPort, source, null);
  }

  /** {@code tcp 8080-32456 from backend}, {@code all from node-sg}: what makes a rule this rule. */
  public String key() {
    StringBuilder text = new StringBuilder(protocol);
    if (fromPort != null) {
      text.append(' ').append(fromPort);
      if (!fromPort.equals(toPort)) {
        text.append('-').append(toPort);
      }
    }
    return text.append(" from ").append(source).toString();
  }

  private static Integer integer(JsonNode rule, String field) {
    return rule.hasNonNull(field) ? rule.get(field).asInt() : null;
  }
}
