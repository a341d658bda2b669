package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.TAGS;

import dev.lbr.model.InvalidInputException;
import dev.lbr.model.StackId;
import dev.lbr.model.Tags;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.TagRules;
import dev.lbr.translate.ingress.Exclusive.Sourced;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tags of an Ingress stack's resources (LBC {@code model_build_tags.go} and the tracking provider):
 * the ownership tags {@code elbv2.k8s.aws/cluster}, {@code ingress.k8s.aws/stack} and {@code
 * ingress.k8s.aws/resource}, plus user tags: IngressClassParams {@code tags} over the {@code tags}
 * annotation (and, for target groups, the Service's {@code tags} over the Ingress's). LBC silently
 * keeps its own tags over a user tag of the same key; here that, and an {@code aws:} key, is an
 * error.
 */
final class IngressTags {
  private IngressTags() {}

  /** One member's tags (listener rules): IngressClassParams tags win over the annotation. */
  static Map<String, String> member(Member m) {
    return merge(classTags(m), annotationTags(m.annotations()));
  }

  /** A target group's tags: IngressClassParams, then the Service's, then the Ingress's. */
  static Map<String, String> backend(Member m, Annotations service) {
    return merge(classTags(m), merge(annotationTags(service), annotationTags(m.annotations())));
  }

  /**
   * The tags of a resource shared by {@code members} (load balancer, security group, listener): the
   * union of the members' tags; two members giving one key different values is an error.
   */
  static Map<String, String> group(List<Member> members) {
    Map<String, Sourced<String>> chosen = new LinkedHashMap<>();
    for (Member m : members) {
      member(m)
          .forEach(
              (key, value) -> {
                Sourced<String> existing = chosen.get(key);
                Sourced<String> mine = Sourced.annotation(m, value);
                if (existing == null) {
                  chosen.put(key, mine);
                } else if (!existing.value().equals(value)) {
                  throw Exclusive.conflict(m, TAGS, "tag " + key, existing, mine);
                }
              });
    }
    Map<String, String> out = new TreeMap<>();
    chosen.forEach((k, v) -> out.put(k, v.value()));
    return out;
  }

  /** {@code userTags} plus the ownership tags of the resource {@code resourceId}. */
  static Map<String, String> withOwnership(
      StackId id, String clusterName, String resourceId, Map<String, String> userTags) {
    Map<String, String> tags = new TreeMap<>(userTags);
    tags.put(Tags.CLUSTER, clusterName);
    tags.put(id.stackTagKey(), id.name());
    tags.put(id.resourceTagKey(), resourceId);
    return tags;
  }

  private static Map<String, String> classTags(Member m) {
    if (m.params() == null) {
      return Map.of();
    }
    Map<String, String> tags = m.params().tags();
    for (String key : tags.keySet()) {
      if (reserved(key)) {
        throw new InvalidInputException(m.params().object(), null, "spec.tags: " + problem(key));
      }
    }
    TagRules.check(tags, OWNERSHIP_KEYS.size())
        .ifPresent(
            problem -> {
              throw new InvalidInputException(m.params().object(), null, "spec.tags: " + problem);
            });
    return tags;
  }

  private static Map<String, String> annotationTags(Annotations a) {
    Map<String, String> tags = a.stringMap(TAGS).orElse(Map.of());
    for (String key : tags.keySet()) {
      if (reserved(key)) {
        throw a.invalid(TAGS, problem(key));
      }
    }
    TagRules.check(tags, OWNERSHIP_KEYS.size())
        .ifPresent(
            problem -> {
              throw a.invalid(TAGS, problem);
            });
    return tags;
  }

  private static final Set<String> OWNERSHIP_KEYS =
      Set.of(Tags.CLUSTER, "ingress.k8s.aws/stack", "ingress.k8s.aws/resource");

  private static boolean reserved(String key) {
    return OWNERSHIP_KEYS.contains(key) || key.toLowerCase(Locale.ROOT).startsWith("aws:");
  }

  private static String problem(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith("aws:")
        ? "tag " + key + " uses the prefix aws:, which AWS reserves"
        : "tag " + key + " is set by the controller and cannot be overridden";
  }

  /** The first map's values win (LBC's {@code MergeStringMap}). */
  private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
    Map<String, String> out = new TreeMap<>(second);
    out.putAll(first);
    return out;
  }
}
