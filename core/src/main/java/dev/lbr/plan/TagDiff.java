package dev.lbr.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * LBC's tag reconciliation ({@code tagging_manager.go}): add or overwrite every desired tag, remove
 * every other tag, except AWS-reserved {@code aws:} keys and the legacy keys of the v1 ALB ingress
 * controller, which stay so a downgrade still recognises the resources.
 */
final class TagDiff {
  private static final List<String> LEGACY_KEYS =
      List.of(
          "kubernetes.io/cluster-name",
          "kubernetes.io/namespace",
          "kubernetes.io/ingress-name",
          "kubernetes.io/service-name",
          "kubernetes.io/service-port",
          "ingress.k8s.aws/cluster");

  private TagDiff() {}

  /** Records the tag update {@code resource} needs, if any, with a finding per tag. */
  static void plan(
      Ref resource,
      String label,
      Map<String, String> desired,
      Map<String, String> actual,
      PlannedChanges out) {
    diff(resource, desired, actual)
        .ifPresent(t -> out.add(t).tags(label, t.add(), t.remove(), actual));
  }

  static Optional<Change.UpdateTags> diff(
      Ref resource, Map<String, String> desired, Map<String, String> actual) {
    Map<String, String> add = new TreeMap<>();
    desired.forEach(
        (key, value) -> {
          if (!Objects.equals(value, actual.get(key))) {
            add.put(key, value);
          }
        });
    Set<String> remove = new TreeSet<>();
    for (String key : actual.keySet()) {
      if (!desired.containsKey(key) && !isIgnored(key)) {
        remove.add(key);
      }
    }
    if (add.isEmpty() && remove.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Change.UpdateTags(
            resource, Collections.unmodifiableMap(add), Collections.unmodifiableSet(remove)));
  }

  static boolean isIgnored(String key) {
    return key.startsWith("aws:")
        || key.startsWith("kubernetes.io/cluster/")
        || LEGACY_KEYS.contains(key);
  }
}
