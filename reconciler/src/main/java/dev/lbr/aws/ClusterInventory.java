package dev.lbr.aws;

import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.model.Tags;
import dev.lbr.model.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Everything ELBv2 holds for one cluster ({@code elbv2.k8s.aws/cluster} tag), plus the managed
 * security groups of Ingress stacks, grouped by stack: a read model for {@code lbr describe}, for
 * finding stacks to prune (a security group left behind keeps its stack listed until deleted) and
 * for the scenario tests. Reads only.
 */
public final class ClusterInventory {
  private final ElbGateway elb;
  private final Ec2Gateway ec2;

  public ClusterInventory(ElbGateway elb, Ec2Gateway ec2) {
    this.elb = elb;
    this.ec2 = ec2;
  }

  /** The whole inventory; stacks sorted by id, resources without a stack tag kept aside. */
  public record Inventory(
      String cluster,
      List<StackResources> stacks,
      List<LoadBalancerResources> unstackedLoadBalancers,
      List<ActualTargetGroup> unstackedTargetGroups) {
    public Inventory {
      stacks = List.copyOf(stacks);
      unstackedLoadBalancers = List.copyOf(unstackedLoadBalancers);
      unstackedTargetGroups = List.copyOf(unstackedTargetGroups);
    }

    public Optional<StackResources> stack(StackId id) {
      return stacks.stream().filter(s -> s.id().equals(id)).findFirst();
    }
  }

  /**
   * One stack's resources. More than one load balancer (or managed security group) only after a
   * leak. {@code targets} is keyed by target group ARN and is empty when targets were not read.
   */
  public record StackResources(
      StackId id,
      List<LoadBalancerResources> loadBalancers,
      List<ActualTargetGroup> targetGroups,
      Map<String, Set<Target>> targets,
      List<ActualSecurityGroup> securityGroups) {
    public StackResources {
      loadBalancers = List.copyOf(loadBalancers);
      targetGroups = List.copyOf(targetGroups);
      targets = Map.copyOf(targets);
      securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
    }
  }

  /** A load balancer with its listeners (and their rules). */
  public record LoadBalancerResources(
      ActualLoadBalancer loadBalancer, List<ActualListener> listeners) {
    public LoadBalancerResources {
      listeners = List.copyOf(listeners);
    }
  }

  public Inventory read(String cluster, boolean withTargets) {
    Map<String, String> ours = Map.of(Tags.CLUSTER, cluster);
    Map<StackId, List<LoadBalancerResources>> lbs = new TreeMap<>(BY_VALUE);
    Map<StackId, List<ActualTargetGroup>> tgs = new TreeMap<>(BY_VALUE);
    List<LoadBalancerResources> looseLbs = new ArrayList<>();
    List<ActualTargetGroup> looseTgs = new ArrayList<>();

    for (ActualLoadBalancer lb : sorted(elb.loadBalancersTagged(ours), ActualLoadBalancer::name)) {
      var withListeners = new LoadBalancerResources(lb, elb.listeners(lb.arn()));
      stackOf(lb.tags())
          .ifPresentOrElse(
              id -> lbs.computeIfAbsent(id, k -> new ArrayList<>()).add(withListeners),
              () -> looseLbs.add(withListeners));
    }
    for (ActualTargetGroup tg : sorted(elb.targetGroupsTagged(ours), ActualTargetGroup::name)) {
      stackOf(tg.tags())
          .ifPresentOrElse(
              id -> tgs.computeIfAbsent(id, k -> new ArrayList<>()).add(tg),
              () -> looseTgs.add(tg));
    }

    Map<StackId, List<ActualSecurityGroup>> sgs = new TreeMap<>(BY_VALUE);
    for (ActualSecurityGroup sg : managedSecurityGroups(cluster)) {
      stackOf(sg.tags()).ifPresent(id -> sgs.computeIfAbsent(id, k -> new ArrayList<>()).add(sg));
    }

    Map<StackId, StackResources> stacks = new TreeMap<>(BY_VALUE);
    for (StackId id : union(union(lbs.keySet(), tgs.keySet()), sgs.keySet())) {
      List<ActualTargetGroup> stackTgs = tgs.getOrDefault(id, List.of());
      Map<String, Set<Target>> targets = new LinkedHashMap<>();
      if (withTargets) {
        stackTgs.forEach(tg -> targets.put(tg.arn(), elb.targets(tg.arn())));
      }
      stacks.put(
          id,
          new StackResources(
              id,
              lbs.getOrDefault(id, List.of()),
              stackTgs,
              targets,
              sgs.getOrDefault(id, List.of())));
    }
    return new Inventory(cluster, new ArrayList<>(stacks.values()), looseLbs, looseTgs);
  }

  /**
   * The stacks that own resources tagged for the cluster, each with its load balancers' names
   * (empty when only target groups or a security group are left). Cheaper than {@link #read}: no
   * listener, rule or target is read.
   */
  public Map<StackId, List<String>> stackLoadBalancers(String cluster) {
    Map<String, String> ours = Map.of(Tags.CLUSTER, cluster);
    Map<StackId, List<String>> stacks = new TreeMap<>(BY_VALUE);
    for (ElbGateway.Tagged r : sorted(elb.resourcesTagged(ours), ElbGateway.Tagged::name)) {
      stackOf(r.tags())
          .ifPresent(
              id -> {
                List<String> lbs = stacks.computeIfAbsent(id, k -> new ArrayList<>());
                if (r.loadBalancer()) {
                  lbs.add(r.name());
                }
              });
    }
    for (ActualSecurityGroup sg : managedSecurityGroups(cluster)) {
      stackOf(sg.tags()).ifPresent(id -> stacks.computeIfAbsent(id, k -> new ArrayList<>()));
    }
    return stacks;
  }

  /** Ingress stacks' managed frontend groups of the cluster (not LBC's shared backend group). */
  private List<ActualSecurityGroup> managedSecurityGroups(String cluster) {
    String resourceKey = StackKind.INGRESS.tagPrefix() + "/resource";
    return sorted(
        ec2.securityGroupsTagged(
            Map.of(Tags.CLUSTER, cluster, resourceKey, SecurityGroupSpec.RESOURCE_ID)),
        ActualSecurityGroup::groupId);
  }

  /** The stack a resource belongs to, from LBC's stack tag. */
  static Optional<StackId> stackOf(Map<String, String> tags) {
    for (StackKind kind : StackKind.values()) {
      String name = tags.get(kind.tagPrefix() + "/stack");
      if (name != null) {
        return Optional.of(new StackId(kind, name));
      }
    }
    return Optional.empty();
  }

  private static final Comparator<StackId> BY_VALUE = Comparator.comparing(StackId::value);

  private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
    return items.stream().sorted(Comparator.comparing(key)).toList();
  }

  private static Set<StackId> union(Set<StackId> a, Set<StackId> b) {
    var all = new TreeSet<StackId>(BY_VALUE);
    all.addAll(a);
    all.addAll(b);
    return all;
  }
}
