package dev.lbr.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

/**
 * Reads ELBv2 tags in chunks of 20 ARNs (the API's limit, {@link ElbBatches}), as LBC's tagging
 * manager does. One call may mix load balancers, target groups, listeners and rules.
 */
final class ElbTags {
  private final ElasticLoadBalancingV2Client elb;

  ElbTags(ElasticLoadBalancingV2Client elb) {
    this.elb = elb;
  }

  /** Tags by ARN. An ARN deleted meanwhile is left out. */
  Map<String, Map<String, String>> of(Collection<String> arns) {
    Map<String, Map<String, String>> tags = new HashMap<>();
    ElbBatches.byArn(
            arns,
            chunk -> elb.describeTags(r -> r.resourceArns(chunk)).tagDescriptions(),
            TagDescription::resourceArn)
        .forEach((arn, d) -> tags.put(arn, fromSdk(d.tags())));
    return tags;
  }

  /** A listed resource with its ARN and tags. */
  record Tagged<T>(String arn, T resource, Map<String, String> tags) {}

  /**
   * The tag scan: of the {@code listed} resources (a full describe), those whose tags contain every
   * entry of {@code wanted}, in listing order. Resources deleted meanwhile are left out.
   */
  <T> List<Tagged<T>> matching(
      Iterable<T> listed, Function<T, String> arnOf, Map<String, String> wanted) {
    Map<String, T> byArn = new LinkedHashMap<>();
    listed.forEach(resource -> byArn.put(arnOf.apply(resource), resource));
    Map<String, Map<String, String>> all = of(new ArrayList<>(byArn.keySet()));
    List<Tagged<T>> matching = new ArrayList<>();
    byArn.forEach(
        (arn, resource) -> {
          Map<String, String> have = all.get(arn);
          if (have != null && containsAll(have, wanted)) {
            matching.add(new Tagged<>(arn, resource, have));
          }
        });
    return matching;
  }

  static boolean containsAll(Map<String, String> have, Map<String, String> wanted) {
    return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
  }

  static Map<String, String> fromSdk(List<Tag> tags) {
    return KeyValues.toMap(tags, Tag::key, Tag::value);
  }

  /** Sorted by key, so requests are deterministic; null when there are none. */
  static List<Tag> toSdk(Map<String, String> tags) {
    if (tags == null || tags.isEmpty()) {
      return null;
    }
    return KeyValues.toList(tags, (k, v) -> Tag.builder().key(k).value(v).build());
  }
}
