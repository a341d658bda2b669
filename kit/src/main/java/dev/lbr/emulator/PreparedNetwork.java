package dev.lbr.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@link ScenarioNetwork#build} made from a {@code network.json}: each role's group id, each
 * node's instance id and zone, and every ENI whose groups must stay as prepared (the prepared ENIs
 * and the nodes' primary ENIs).
 */
public record PreparedNetwork(
    NetworkSpec spec,
    Map<String, String> groupIds,
    Map<String, String> instanceIds,
    Map<String, String> instanceZones,
    List<PreparedEni> enis) {
  public PreparedNetwork {
    groupIds = Collections.unmodifiableMap(new LinkedHashMap<>(groupIds));
    instanceIds = Collections.unmodifiableMap(new LinkedHashMap<>(instanceIds));
    instanceZones = Collections.unmodifiableMap(new LinkedHashMap<>(instanceZones));
    enis = List.copyOf(enis);
  }

  /**
   * An ENI the scenario prepared: {@code label} names it in diff lines ({@code eni <name>}, {@code
   * node <node>}), {@code roles} are its {@code network.json} groups, {@code instanceId} the
   * instance it was attached to as a secondary ENI (null otherwise).
   */
  public record PreparedEni(String label, String eniId, List<String> roles, String instanceId) {
    public PreparedEni {
      roles = List.copyOf(roles);
    }
  }

  public static PreparedNetwork none() {
    return new PreparedNetwork(NetworkSpec.empty(), Map.of(), Map.of(), Map.of(), List.of());
  }

  /** The {@code network.json} role of a group id, if it has one. */
  public Optional<String> roleOf(String groupId) {
    return groupIds.entrySet().stream()
        .filter(e -> e.getValue().equals(groupId))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** {@code SG_<role>} and {@code INSTANCE_<node>} (non-word characters as {@code _}) → ids. */
  public Map<String, String> variables() {
    Map<String, String> variables = new TreeMap<>();
    groupIds.forEach((role, id) -> variables.put("SG_" + word(role), id));
    instanceIds.forEach((node, id) -> variables.put("INSTANCE_" + word(node), id));
    return variables;
  }

  private static String word(String name) {
    return name.replaceAll("\\W", "_");
  }
}
