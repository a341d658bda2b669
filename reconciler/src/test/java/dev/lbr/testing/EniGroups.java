package dev.lbr.testing;

import dev.lbr.emulator.PreparedNetwork;
import dev.lbr.emulator.PreparedNetwork.PreparedEni;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every prepared ENI and node primary ENI still has exactly its {@code network.json} groups. An
 * attached ENI may also show its instance's groups (moto reports those too; the README has an
 * attached ENI carry exactly its node's groups anyway).
 */
final class EniGroups {
  private EniGroups() {}

  static List<String> differences(PreparedNetwork network, Map<String, List<String>> eniGroups) {
    List<String> problems = new ArrayList<>();
    for (PreparedEni eni : network.enis()) {
      String where = "network: " + eni.label() + " (" + eni.eniId() + ")";
      List<String> actual = eniGroups.get(eni.eniId());
      if (actual == null) {
        problems.add(where + " is gone");
        continue;
      }
      Set<String> wanted = ids(network, eni.roles());
      Set<String> allowed = new HashSet<>(wanted);
      if (eni.instanceId() != null) {
        network.instanceIds().entrySet().stream()
            .filter(e -> e.getValue().equals(eni.instanceId()))
            .forEach(e -> allowed.addAll(ids(network, nodeRoles(network, e.getKey()))));
      }
      if (!actual.containsAll(wanted) || !allowed.containsAll(actual)) {
        problems.add(
            where
                + " groups: expected "
                + names(network, wanted)
                + ", got "
                + names(network, actual));
      }
    }
    return problems;
  }

  private static List<String> nodeRoles(PreparedNetwork network, String node) {
    return network.spec().nodes().get(node).securityGroups();
  }

  private static Set<String> ids(PreparedNetwork network, List<String> roles) {
    Set<String> ids = new HashSet<>();
    roles.forEach(r -> ids.add(network.groupIds().getOrDefault(r, r)));
    return ids;
  }

  private static TreeSet<String> names(PreparedNetwork network, Iterable<String> ids) {
    TreeSet<String> names = new TreeSet<>();
    ids.forEach(id -> names.add(network.roleOf(id).orElse(id)));
    return names;
  }
}
