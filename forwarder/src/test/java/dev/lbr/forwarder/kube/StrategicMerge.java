package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-test API server's strategic merge patch: a JSON merge patch, except for the lists it knows
 * a merge key of ({@code status.conditions}, by {@code type}, as a Pod's): a patch entry is merged
 * into the entry with the same key (its fields replace those, the others stay) and appended when
 * there is none; the other entries stay. Also the uid precondition every patch type has on a real
 * API server.
 */
final class StrategicMerge {
  static final String TYPE = "application/strategic-merge-patch+json";

  /** The resources it is served for (others answer 415, so a stray use shows in tests). */
  static final Set<FakeKubeApiServer.Resource> SERVED = Set.of(FakeKubeApiServer.PODS);

  /** List fields merged by key: path → merge key. */
  private static final Map<List<String>, String> MERGE_KEYS =
      Map.of(List.of("status", "conditions"), "type");

  private StrategicMerge() {}

  static JsonNode apply(JsonNode target, JsonNode patch) {
    return JsonPatches.merge(target, patch, MERGE_KEYS, List.of());
  }

  /**
   * Why a patch is refused (409) as a real API server does, when it names a {@code metadata.uid}
   * that is not the object's; null when it names none or the same.
   */
  static String uidConflict(JsonNode stored, JsonNode patch) {
    String wanted = patch == null ? "" : patch.path("metadata").path("uid").asText("");
    String actual = stored.path("metadata").path("uid").asText("");
    return wanted.isEmpty() || wanted.equals(actual)
        ? null
        : "Precondition failed: UID in precondition: " + wanted + ", UID in object meta: " + actual;
  }
}
