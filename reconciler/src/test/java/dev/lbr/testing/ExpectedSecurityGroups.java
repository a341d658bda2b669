package dev.lbr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.emulator.GroupRule;
import dev.lbr.emulator.NetworkSpec.GroupSpec;
import dev.lbr.emulator.PreparedNetwork;
import dev.lbr.testing.SecurityGroupSnapshot.ActualGroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares an expected file's {@code securityGroups} (role → expectation) with the groups that
 * exist, by the rules of scenarios/README.md: {@code name}, {@code description} equal; {@code tags}
 * a subset; {@code rules} a set of (protocol, ports, source), descriptions checked where given;
 * {@code withPreparedRules} adds the role's {@code network.json} rules; {@code untouched} is the
 * group exactly as {@code network.json} made it; {@code absent}: no group has the role. Every group
 * tagged with the cluster must have an expected role. Pure: the groups are read elsewhere.
 */
final class ExpectedSecurityGroups {
  private final GroupRoles roles;
  private final PreparedNetwork network;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> matched = new HashSet<>();

  private ExpectedSecurityGroups(GroupRoles roles, PreparedNetwork network) {
    this.roles = roles;
    this.network = network;
  }

  static List<String> differences(JsonNode expected, GroupRoles roles, PreparedNetwork network) {
    ExpectedSecurityGroups check = new ExpectedSecurityGroups(roles, network);
    expected.fields().forEachRemaining(e -> check.role(e.getKey(), e.getValue()));
    check.unexpected(expected);
    return check.problems;
  }

  private void role(String role, JsonNode want) {
    String where = "sg[" + role + "]";
    String name = want.hasNonNull("name") ? want.get("name").asText() : null;
    List<ActualGroup> found = roles.find(role, name);
    found.forEach(g -> matched.add(g.id()));
    if (want.path("absent").asBoolean(false)) {
      found.forEach(g -> add(where + ": expected no such group, found " + g.label()));
      return;
    }
    if (found.isEmpty()) {
      add(where + ": missing (" + roles.lookup(role, name) + ")");
      return;
    }
    if (found.size() > 1) {
      add(
          where
              + ": "
              + found.size()
              + " groups "
              + found.stream().map(ActualGroup::label).toList());
    }
    ActualGroup have = found.getFirst();
    if (want.path("untouched").asBoolean(false)) {
      untouched(where, role, have);
    }
    text(where + ".name", name, have.name());
    text(where + ".description", want.path("description").asText(null), have.description());
    want.path("tags")
        .fields()
        .forEachRemaining(
            t ->
                text(
                    where + ".tags." + t.getKey(),
                    t.getValue().asText(),
                    have.tags().get(t.getKey())));
    boolean prepared = want.path("withPreparedRules").asBoolean(false);
    if (want.has("rules") || prepared) {
      List<GroupRule> rules = new ArrayList<>();
      want.path("rules").forEach(r -> rules.add(GroupRule.parse(r)));
      if (prepared) {
        rules.addAll(preparedRules(where, role));
      }
      rules(where, rules, have, false);
    }
  }

  private void untouched(String where, String role, ActualGroup have) {
    GroupSpec spec = network.spec().securityGroups().get(role);
    if (spec == null) {
      add(where + ": untouched, but network.json has no such role");
      return;
    }
    text(where + ".name", spec.name(), have.name());
    text(where + ".description", spec.description(), have.description());
    if (!spec.tags().equals(have.tags())) {
      add(where + ".tags: expected exactly " + spec.tags() + " but found " + have.tags());
    }
    rules(where, spec.rules(), have, true);
  }

  private List<GroupRule> preparedRules(String where, String role) {
    GroupSpec spec = network.spec().securityGroups().get(role);
    if (spec == null) {
      add(where + ": withPreparedRules, but network.json has no such role");
      return List.of();
    }
    return spec.rules();
  }

  /** Rules as a set by key; descriptions where expected (all of them when {@code exact}). */
  private void rules(String where, List<GroupRule> expected, ActualGroup have, boolean exact) {
    Map<String, GroupRule> want = byKey(expected);
    Map<String, GroupRule> got = byKey(have.rules());
    List<String> missing = want.keySet().stream().filter(k -> !got.containsKey(k)).toList();
    List<String> extra = got.keySet().stream().filter(k -> !want.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      add(where + ".rules: missing " + quoted(missing));
    }
    if (!extra.isEmpty()) {
      add(where + ".rules: unexpected " + quoted(extra));
    }
    want.forEach(
        (key, rule) -> {
          GroupRule actual = got.get(key);
          if (actual != null && (exact || rule.description() != null)) {
            text(
                where + ".rules['" + key + "'].description",
                Objects.toString(rule.description(), ""),
                Objects.toString(actual.description(), ""));
          }
        });
  }

  private Map<String, GroupRule> byKey(List<GroupRule> rules) {
    Map<String, GroupRule> map = new TreeMap<>();
    for (GroupRule r : rules) {
      GroupRule named = r.withGroupSource(roles::nameOf);
      map.put(named.key(), named);
    }
    return map;
  }

  private void unexpected(JsonNode expected) {
    for (ActualGroup g : roles.clusterTagged()) {
      String role = roles.roleOf(g);
      if (!matched.contains(g.id()) && (role == null || !expected.has(role))) {
        add("unexpected security group " + g.label() + (role == null ? "" : " as " + role));
      }
    }
  }

  private void add(String line) {
    if (!problems.contains(line)) {
      problems.add(line);
    }
  }

  private void text(String where, String want, String have) {
    if (want != null && !want.equals(have)) {
      add(
          where
              + ": expected '"
              + want
              + "' but found "
              + (have == null ? "nothing" : "'" + have + "'"));
    }
  }

  private static String quoted(List<String> keys) {
    return keys.stream().map(k -> "'" + k + "'").toList().toString();
  }
}
