package dev.lbr.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The reads load balancers and target groups share: the tag scan over every resource, reads by ARN
 * in chunks of 20, and models of them with their attributes.
 *
 * @param <R> the SDK's resource
 * @param <M> its model
 */
abstract class ElbResources<R, M> extends ElbCalls {
  /** A model of a resource from what was read of it. */
  interface Modeler<R, M> {
    M of(R resource, Map<String, String> attributes, Map<String, String> tags);
  }

  private final Function<R, String> arnOf;
  private final Modeler<R, M> model;

  ElbResources(
      ElasticLoadBalancingV2Client elb,
      ElbTags tags,
      Function<R, String> arnOf,
      Modeler<R, M> model) {
    super(elb, tags);
    this.arnOf = arnOf;
    this.model = model;
  }

  /** Every resource of the kind, a page of {@link #PAGE_SIZE} at a time. */
  abstract Iterable<R> listed();

  /** One Describe call for these ARNs (at most 20). */
  abstract List<R> describe(List<String> arns);

  /** Empty when the resource went away meanwhile. */
  abstract Optional<Map<String, String>> attributes(String arn);

  /**
   * The resources whose tags contain every entry of {@code wanted}, with their attributes; those
   * deleted meanwhile are left out.
   */
  List<M> tagged(Map<String, String> wanted) {
    List<M> found = new ArrayList<>();
    for (ElbTags.Tagged<R> t : matching(wanted)) {
      attributes(t.arn()).ifPresent(attrs -> found.add(model.of(t.resource(), attrs, t.tags())));
    }
    return found;
  }

  /** The tag scan ({@link ElbTags#matching}) of every resource of the kind. */
  List<ElbTags.Tagged<R>> matching(Map<String, String> wanted) {
    return tags.matching(listed(), arnOf, wanted);
  }

  /** By ARN, 20 per Describe call; those that do not exist are left out. */
  Map<String, R> described(Collection<String> arns) {
    return ElbBatches.byArn(arns, this::describe, arnOf);
  }
}
