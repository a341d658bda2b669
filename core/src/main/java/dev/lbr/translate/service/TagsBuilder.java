package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.ADDITIONAL_TAGS;

import dev.lbr.model.StackId;
import dev.lbr.model.Tags;
import dev.lbr.translate.common.TagRules;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tags of every resource in a Service stack, as LBC's tracking provider writes them ({@code
 * ResourceTags}): {@code elbv2.k8s.aws/cluster}, {@code service.k8s.aws/stack}, {@code
 * service.k8s.aws/resource}, then the user's {@code aws-load-balancer-additional-resource-tags}.
 */
final class TagsBuilder {
  private final ServiceContext ctx;
  private final Map<String, String> userTags;

  TagsBuilder(ServiceContext ctx) {
    this.ctx = ctx;
    this.userTags = userTags(ctx);
  }

  /** The tags of the resource whose LBC resource id is {@code resourceId}. */
  Map<String, String> forResource(String resourceId) {
    TreeMap<String, String> tags = new TreeMap<>(userTags);
    tags.putAll(ownershipTags(ctx, resourceId));
    return tags;
  }

  private static Map<String, String> ownershipTags(ServiceContext ctx, String resourceId) {
    StackId id = ctx.stackId();
    return Map.of(
        Tags.CLUSTER,
        ctx.facts().clusterName(),
        id.stackTagKey(),
        id.name(),
        id.resourceTagKey(),
        resourceId);
  }

  /**
   * The user's tags. LBC silently lets its own tags win; here a user tag that would replace an
   * ownership tag is an error, and so is a key AWS reserves ({@code aws:}).
   */
  private static Map<String, String> userTags(ServiceContext ctx) {
    Map<String, String> tags = ctx.annotations().stringMap(ADDITIONAL_TAGS).orElse(Map.of());
    Set<String> ownershipKeys = ownershipTags(ctx, "").keySet();
    for (String key : new TreeMap<>(tags).keySet()) {
      if (ownershipKeys.contains(key)) {
        throw ctx.annotations()
            .invalid(
                ADDITIONAL_TAGS,
                "tag " + key + " is set by the controller and cannot be overridden");
      }
      if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw ctx.annotations()
            .invalid(ADDITIONAL_TAGS, "tag " + key + " uses the prefix aws:, which AWS reserves");
      }
    }
    TagRules.check(tags, ownershipKeys.size())
        .ifPresent(
            problem -> {
              throw ctx.annotations().invalid(ADDITIONAL_TAGS, problem);
            });
    return tags;
  }
}
