package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.SUBNETS;

import dev.lbr.model.ClusterFacts;
import dev.lbr.model.InvalidInputException;
import dev.lbr.translate.common.SubnetResolver;
import dev.lbr.translate.ingress.Exclusive.Sourced;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subnets the group asks for (LBC {@code buildLoadBalancerSubnetMappings}): IngressClassParams
 * {@code subnets} (IDs or a tag filter), or the {@code subnets} annotation (IDs or Name tags; the
 * members must list the same set), else auto-discovery. An ALB needs subnets in two AZs at least.
 */
sealed interface SubnetRequest {
  int MIN_ALB_SUBNETS = 2;

  /** Subnet IDs or Name tags. */
  record Explicit(Sourced<List<String>> nameOrIds) implements SubnetRequest {}

  /** IngressClassParams {@code subnets.tags}. */
  record ByTags(Sourced<Map<String, List<String>>> tags) implements SubnetRequest {}

  /** Discovery by role tag. */
  record Discover() implements SubnetRequest {}

  static SubnetRequest of(List<Member> members) {
    Sourced<ClassParams> selector = null;
    Sourced<List<String>> annotated = null;
    for (Member m : members) {
      if (m.params() != null && m.params().hasSubnets()) {
        Sourced<ClassParams> mine = Sourced.params(m, "subnets", m.params());
        if (selector == null) {
          selector = mine;
        } else if (!sameSelector(selector.value(), m.params())) {
          throw new InvalidInputException(
              m.params().object(), null, "conflicting IngressClassParams subnet specifications");
        }
        continue;
      }
      Optional<List<String>> list = m.annotations().stringList(SUBNETS);
      if (list.isEmpty()) {
        continue;
      }
      Sourced<List<String>> mine = Sourced.annotation(m, list.get());
      if (annotated == null) {
        annotated = mine;
      } else if (!new HashSet<>(annotated.value()).equals(new HashSet<>(list.get()))) {
        throw Exclusive.conflict(m, SUBNETS, SUBNETS, annotated, mine);
      }
    }
    if (selector != null) {
      if (annotated != null) {
        throw annotated.invalid(
            SUBNETS,
            "conflicting subnet specifications: IngressClassParams versus annotation ("
                + selector.source()
                + ")");
      }
      ClassParams p = selector.value();
      return p.subnetIds().isEmpty()
          ? new ByTags(Sourced.params(selector.member(), "subnets.tags", p.subnetTags()))
          : new Explicit(Sourced.params(selector.member(), "subnets.ids", p.subnetIds()));
    }
    return annotated == null ? new Discover() : new Explicit(annotated);
  }

  private static boolean sameSelector(ClassParams a, ClassParams b) {
    return a.subnetIds().equals(b.subnetIds()) && a.subnetTags().equals(b.subnetTags());
  }

  /** The subnet IDs, resolved against the facts. */
  default List<String> resolve(ClusterFacts facts, String scheme, Member first) {
    List<String> ids =
        switch (this) {
          case Explicit e -> resolver(facts, e.nameOrIds()).resolveExplicit(e.nameOrIds().value());
          case ByTags t -> resolver(facts, t.tags()).discoverByTags(t.tags().value());
          case Discover d ->
              new SubnetResolver(facts, first.object(), IngressAnnotation.key(SUBNETS))
                  .discover(scheme);
        };
    if (ids.size() < MIN_ALB_SUBNETS) {
      String problem =
          "an ALB needs subnets in at least " + MIN_ALB_SUBNETS + " Availability Zones, got " + ids;
      throw switch (this) {
        case Explicit e -> e.nameOrIds().invalid(SUBNETS, problem);
        case ByTags t -> t.tags().invalid(SUBNETS, problem);
        case Discover d ->
            new InvalidInputException(
                first.object(),
                null,
                "couldn't auto-discover subnets: "
                    + problem
                    + "; tag subnets in more zones or set "
                    + IngressAnnotation.key(SUBNETS));
      };
    }
    return ids;
  }

  private static SubnetResolver resolver(ClusterFacts facts, Sourced<?> source) {
    return source.field() == null
        ? new SubnetResolver(facts, source.member().object(), IngressAnnotation.key(SUBNETS))
        : new SubnetResolver(facts, source.member().params().object(), "spec." + source.field());
  }
}
