package dev.lbr.translate.common;

import dev.lbr.model.ClusterFacts;
import dev.lbr.model.InvalidInputException;
import dev.lbr.model.Subnet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * A load balancer's subnets (LBC {@code pkg/networking/subnet_resolver.go}): explicit IDs or Name
 * tags (in the order given), a tag filter, or auto-discovery by role tag, one subnet per AZ (LBC's
 * {@code pkg/networking/subnet_resolver.go}). Errors name {@code object} and, for explicit subnets,
 * {@code annotationKey}.
 */
public final class SubnetResolver {
  static final String ROLE_ELB = "kubernetes.io/role/elb";
  static final String ROLE_INTERNAL_ELB = "kubernetes.io/role/internal-elb";
  static final String CLUSTER_TAG_PREFIX = "kubernetes.io/cluster/";
  static final int MIN_AVAILABLE_IPS = 8;

  private final ClusterFacts facts;
  private final String object;
  private final String annotationKey;

  /**
   * A resolver for {@code object}'s load balancer; {@code annotationKey} is the annotation (or
   * field) that names subnets explicitly, named in errors.
   */
  public SubnetResolver(ClusterFacts facts, String object, String annotationKey) {
    this.facts = facts;
    this.object = object;
    this.annotationKey = annotationKey;
  }

  /** Subnet IDs or Name tags, in the order given; at most one per AZ. */
  public List<String> resolveExplicit(List<String> nameOrIds) {
    return explicitSubnets(nameOrIds);
  }

  private List<String> explicitSubnets(List<String> nameOrIds) {
    Map<String, List<Subnet>> byName = subnetsByName();
    Map<String, Integer> nameUses = new HashMap<>();
    List<Subnet> chosen = new ArrayList<>();
    for (String nameOrId : nameOrIds) {
      if (nameOrId.startsWith("subnet-")) {
        chosen.add(byId(nameOrId));
      } else {
        List<Subnet> named = byName.get(nameOrId);
        if (named == null) {
          throw invalid("subnet with Name tag not found: " + nameOrId);
        }
        int use = nameUses.merge(nameOrId, 1, Integer::sum);
        if (use > named.size()) {
          throw invalid(
              "subnet with Name tag "
                  + nameOrId
                  + " requested "
                  + use
                  + " times but only "
                  + named.size()
                  + " subnet(s) found with that name");
        }
        chosen.add(named.get(use - 1));
      }
    }
    if (chosen.isEmpty()) {
      throw invalid("unable to resolve at least one subnet");
    }
    Map<String, List<String>> idsByAz = new TreeMap<>();
    for (Subnet s : chosen) {
      idsByAz.computeIfAbsent(s.availabilityZone(), az -> new ArrayList<>()).add(s.id());
    }
    idsByAz.forEach(
        (az, ids) -> {
          if (ids.size() > 1) {
            throw invalid("multiple subnets in same Availability Zone " + az + ": " + ids);
          }
        });
    return chosen.stream().map(Subnet::id).toList();
  }

  private Subnet byId(String id) {
    for (Subnet s : facts.subnets()) {
      if (s.id().equals(id)) {
        if (!facts.vpcId().equals(s.vpcId())) {
          throw invalid(
              "subnet "
                  + id
                  + " is in "
                  + s.vpcId()
                  + ", not in the cluster's VPC "
                  + facts.vpcId());
        }
        return s;
      }
    }
    throw invalid("subnet ID not found: " + id);
  }

  /** Subnets of the VPC by Name tag, each list sorted by ID (LBC's deterministic order). */
  private Map<String, List<Subnet>> subnetsByName() {
    Map<String, List<Subnet>> byName = new HashMap<>();
    for (Subnet s : inVpcSortedById()) {
      String name = s.tags().get("Name");
      if (name != null && !name.isEmpty()) {
        byName.computeIfAbsent(name, n -> new ArrayList<>()).add(s);
      }
    }
    return byName;
  }

  /** Auto-discovery by the scheme's role tag (value {@code 1} or empty). */
  public List<String> discover(String scheme) {
    String roleTag = "internal".equals(scheme) ? ROLE_INTERNAL_ELB : ROLE_ELB;
    List<Subnet> candidates =
        inVpcSortedById().stream()
            .filter(s -> s.tags().containsKey(roleTag))
            .filter(s -> s.tags().get(roleTag).isEmpty() || s.tags().get(roleTag).equals("1"))
            .toList();
    return choosePerAz(
        candidates,
        (otherClusters, fewIps) ->
            "couldn't auto-discover subnets: unable to discover at least one subnet for scheme "
                + scheme
                + ": evaluated "
                + candidates.size()
                + " subnets of "
                + facts.vpcId()
                + " tagged "
                + roleTag
                + "=1 (or empty): "
                + otherClusters
                + " are tagged for other clusters, "
                + fewIps
                + " have fewer than "
                + MIN_AVAILABLE_IPS
                + " available IP addresses; tag subnets with "
                + roleTag
                + "=1 or set "
                + annotationKey);
  }

  /**
   * The subnets carrying every tag of {@code tagFilters} with one of its values (any value when the
   * list is empty), one per AZ, as LBC resolves IngressClassParams {@code subnets.tags}.
   */
  public List<String> discoverByTags(Map<String, List<String>> tagFilters) {
    List<Subnet> candidates =
        inVpcSortedById().stream()
            .filter(
                s ->
                    tagFilters.entrySet().stream()
                        .allMatch(
                            f ->
                                s.tags().containsKey(f.getKey())
                                    && (f.getValue().isEmpty()
                                        || f.getValue().contains(s.tags().get(f.getKey())))))
            .toList();
    return choosePerAz(
        candidates,
        (otherClusters, fewIps) ->
            "unable to resolve at least one subnet matching the tags "
                + new TreeMap<>(tagFilters)
                + ": evaluated "
                + candidates.size()
                + " subnets of "
                + facts.vpcId()
                + ": "
                + otherClusters
                + " are tagged for other clusters, "
                + fewIps
                + " have fewer than "
                + MIN_AVAILABLE_IPS
                + " available IP addresses");
  }

  private List<String> choosePerAz(
      List<Subnet> candidates, BiFunction<Integer, Integer, String> noneFound) {
    int otherClusters = 0;
    int fewIps = 0;
    Map<String, Subnet> chosenByAz = new TreeMap<>();
    for (Subnet s : candidates) {
      if (!eligibleByClusterTag(s)) {
        otherClusters++;
      } else if (s.availableIpAddressCount() < MIN_AVAILABLE_IPS) {
        fewIps++;
      } else {
        chosenByAz.merge(s.availabilityZone(), s, this::preferred);
      }
    }
    if (chosenByAz.isEmpty()) {
      throw new InvalidInputException(object, null, noneFound.apply(otherClusters, fewIps));
    }
    return chosenByAz.values().stream().map(Subnet::id).sorted().toList();
  }

  /** One subnet per AZ: the one tagged for this cluster, then the lowest ID. */
  private Subnet preferred(Subnet a, Subnet b) {
    boolean aTagged = a.tags().containsKey(currentClusterTag());
    boolean bTagged = b.tags().containsKey(currentClusterTag());
    if (aTagged != bTagged) {
      return aTagged ? a : b;
    }
    return a.id().compareTo(b.id()) <= 0 ? a : b;
  }

  /** Untagged for any cluster, or tagged for ours (LBC's {@code SubnetsClusterTagCheck}). */
  private boolean eligibleByClusterTag(Subnet s) {
    if (s.tags().containsKey(currentClusterTag())) {
      return true;
    }
    return s.tags().keySet().stream().noneMatch(k -> k.startsWith("kubernetes.io/cluster"));
  }

  private String currentClusterTag() {
    return CLUSTER_TAG_PREFIX + facts.clusterName();
  }

  private List<Subnet> inVpcSortedById() {
    return facts.subnets().stream()
        .filter(s -> facts.vpcId().equals(s.vpcId()))
        .sorted(Comparator.comparing(Subnet::id))
        .toList();
  }

  private RuntimeException invalid(String problem) {
    return new InvalidInputException(object, annotationKey, problem);
  }
}
