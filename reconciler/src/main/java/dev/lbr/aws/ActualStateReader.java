package dev.lbr.aws;

import dev.lbr.model.ActualListener;
import dev.lbr.model.ActualLoadBalancer;
import dev.lbr.model.ActualSecurityGroup;
import dev.lbr.model.ActualStack;
import dev.lbr.model.ActualTargetGroup;
import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.StackId;
import dev.lbr.model.Tags;
import dev.lbr.model.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what exists in AWS for a stack, or for several at once (their checkpoints' resources
 * described together, {@link ElbGateway#describe}). ARNs from the checkpoint are tried first and
 * trusted only when the resource still exists and carries both ownership tags (cluster and stack);
 * otherwise the stack is found by a tag scan. A resource without both ownership tags is never
 * returned, so nothing downstream can modify or delete what is not ours. An Ingress stack's managed
 * security group is found by its tags (cluster, stack and {@code ManagedLBSecurityGroup}): one EC2
 * call, which Service stacks do not make.
 */
public final class ActualStateReader {
  /** Checkpoint key prefix of listener ARNs ({@code listener/<port>}). */
  public static final String LISTENER_KEY_PREFIX = "listener/";

  private final ElbGateway elb;
  private final Ec2Gateway ec2;

  public ActualStateReader(ElbGateway elb, Ec2Gateway ec2) {
    this.elb = elb;
    this.ec2 = ec2;
  }

  /**
   * @param knownArns the checkpoint's resources ({@code LoadBalancer}, target group resource ids,
   *     {@code listener/<port>}); may be empty or stale. Pass an empty map to force a tag scan.
   * @param withTargets also read each target group's registered targets
   */
  public ActualStack read(
      StackId id, String cluster, Map<String, String> knownArns, boolean withTargets) {
    return read(new Request(id, knownArns, Map.of()), cluster, withTargets);
  }

  /** One stack, as {@link #read(List, String, boolean)} reads several. */
  public ActualStack read(Request stack, String cluster, boolean withTargets) {
    return read(List.of(stack), cluster, withTargets).get(stack.id());
  }

  /**
   * One stack to read.
   *
   * @param knownArns the checkpoint's resources, as for {@link #read(StackId, String, Map,
   *     boolean)}
   * @param knownAttributes target group attributes by ARN that need not be read: a trusted
   *     checkpoint says the last pass left them so (taken as given only for the ARNs verified)
   */
  public record Request(
      StackId id, Map<String, String> knownArns, Map<String, Map<String, String>> knownAttributes) {
    public Request {
      knownArns = Map.copyOf(knownArns);
      knownAttributes = Map.copyOf(knownAttributes);
    }
  }

  /**
   * Several stacks in one pass: the checkpoints' load balancers and target groups of all of them
   * are described together ({@link ElbGateway#describe}: 20 ARNs per call, tags of everything in
   * one batch); a stack whose checkpoint does not verify is found by a tag scan, alone. Targets and
   * managed security groups are read per stack.
   */
  public Map<StackId, ActualStack> read(List<Request> stacks, String cluster, boolean withTargets) {
    List<String> lbArns = new ArrayList<>();
    List<String> tgArns = new ArrayList<>();
    Map<String, Map<String, String>> knownAttributes = new LinkedHashMap<>();
    for (Request r : stacks) {
      Optional.ofNullable(r.knownArns().get(Tags.LOAD_BALANCER_RESOURCE)).ifPresent(lbArns::add);
      tgArns.addAll(knownTargetGroups(r.knownArns()).values());
      knownAttributes.putAll(r.knownAttributes());
    }
    ElbGateway.Described described =
        lbArns.isEmpty() && tgArns.isEmpty()
            ? new ElbGateway.Described(Map.of(), Map.of(), Map.of())
            : elb.describe(lbArns, tgArns, knownAttributes);
    Map<StackId, ActualStack> read = new LinkedHashMap<>();
    for (Request r : stacks) {
      read.put(r.id(), stack(r.id(), cluster, r.knownArns(), described, withTargets));
    }
    return read;
  }

  private ActualStack stack(
      StackId id,
      String cluster,
      Map<String, String> knownArns,
      ElbGateway.Described described,
      boolean withTargets) {
    Map<String, String> owner = ownershipTags(id, cluster);
    Optional<ActualLoadBalancer> lb =
        loadBalancer(id, owner, knownArns.get(Tags.LOAD_BALANCER_RESOURCE), described);
    List<ActualListener> listeners =
        lb.map(
                l ->
                    described.listeners().containsKey(l.arn())
                        ? described.listeners().get(l.arn())
                        : elb.listeners(l.arn()))
            .orElse(List.of());
    List<ActualTargetGroup> tgs = targetGroups(id, owner, knownTargetGroups(knownArns), described);
    Map<String, Set<Target>> targets = new LinkedHashMap<>();
    if (withTargets) {
      for (ActualTargetGroup tg : tgs) {
        readTargets(tg.arn()).ifPresent(t -> targets.put(tg.arn(), t));
      }
    }
    Optional<ActualSecurityGroup> sg = managedSecurityGroup(id, cluster, lb);
    return new ActualStack(id, lb, listeners, tgs, targets, sg);
  }

  /** The tags that find a stack's managed security group. */
  /** The DNS name of the load balancer {@code arn}; empty when it does not exist (any more). */
  public Optional<String> dnsName(String arn) {
    return elb.loadBalancer(arn).map(ActualLoadBalancer::dnsName);
  }

  public static Map<String, String> managedSecurityGroupTags(StackId id, String cluster) {
    return Map.of(
        Tags.CLUSTER,
        cluster,
        id.stackTagKey(),
        id.name(),
        id.resourceTagKey(),
        SecurityGroupSpec.RESOURCE_ID);
  }

  /** Several only after a leak: prefer the one the load balancer uses, then the lowest id. */
  private Optional<ActualSecurityGroup> managedSecurityGroup(
      StackId id, String cluster, Optional<ActualLoadBalancer> lb) {
    Map<String, String> tags = managedSecurityGroupTags(id, cluster);
    List<String> attached = lb.map(ActualLoadBalancer::securityGroupIds).orElse(List.of());
    return ec2.securityGroupsTagged(tags).stream()
        .filter(sg -> owned(sg.tags(), tags))
        .min(
            Comparator.comparing((ActualSecurityGroup sg) -> !attached.contains(sg.groupId()))
                .thenComparing(ActualSecurityGroup::groupId));
  }

  /** LBC's ownership tags of a stack: the cluster tag and the stack tag. */
  public static Map<String, String> ownershipTags(StackId id, String cluster) {
    return Map.of(Tags.CLUSTER, cluster, id.stackTagKey(), id.name());
  }

  private Optional<ActualLoadBalancer> loadBalancer(
      StackId id, Map<String, String> owner, String knownArn, ElbGateway.Described described) {
    if (knownArn != null) {
      Optional<ActualLoadBalancer> known =
          Optional.ofNullable(described.loadBalancers().get(knownArn))
              .filter(lb -> owned(lb.tags(), owner));
      if (known.isPresent()) {
        return known;
      }
    }
    // Several can only exist after a leak; prefer the one tagged as the stack's load balancer.
    return elb.loadBalancersTagged(owner).stream()
        .filter(lb -> owned(lb.tags(), owner))
        .min(
            Comparator.comparing(
                    (ActualLoadBalancer lb) ->
                        !Tags.LOAD_BALANCER_RESOURCE.equals(lb.tags().get(id.resourceTagKey())))
                .thenComparing(ActualLoadBalancer::arn));
  }

  private List<ActualTargetGroup> targetGroups(
      StackId id,
      Map<String, String> owner,
      Map<String, String> known,
      ElbGateway.Described described) {
    return verified(id, owner, known, described)
        .orElseGet(
            () ->
                elb.targetGroupsTagged(owner).stream()
                    .filter(t -> owned(t.tags(), owner))
                    .toList());
  }

  /**
   * The known target groups, if every one still exists, is ours and carries the resource id the
   * checkpoint has for it; empty (so: scan) otherwise, or when none is known.
   */
  private Optional<List<ActualTargetGroup>> verified(
      StackId id,
      Map<String, String> owner,
      Map<String, String> known,
      ElbGateway.Described described) {
    if (known.isEmpty()) {
      return Optional.empty();
    }
    List<ActualTargetGroup> verified = new ArrayList<>();
    for (Map.Entry<String, String> e : known.entrySet()) {
      Optional<ActualTargetGroup> tg =
          Optional.ofNullable(described.targetGroups().get(e.getValue()))
              .filter(t -> owned(t.tags(), owner))
              .filter(t -> e.getKey().equals(t.tags().get(id.resourceTagKey())));
      if (tg.isEmpty()) {
        return Optional.empty();
      }
      verified.add(tg.get());
    }
    return Optional.of(verified);
  }

  private Optional<Set<Target>> readTargets(String targetGroupArn) {
    return AwsErrors.unlessNotFound(() -> elb.targets(targetGroupArn));
  }

  /** Target group entries of the checkpoint: resource id → ARN. */
  private static Map<String, String> knownTargetGroups(Map<String, String> knownArns) {
    Map<String, String> tgs = new LinkedHashMap<>();
    knownArns.forEach(
        (key, arn) -> {
          boolean other =
              key.equals(Tags.LOAD_BALANCER_RESOURCE) || key.startsWith(LISTENER_KEY_PREFIX);
          if (!other && arn != null && arn.contains(":targetgroup/")) {
            tgs.put(key, arn);
          }
        });
    return tgs;
  }

  static boolean owned(Map<String, String> tags, Map<String, String> owner) {
    return ElbTags.containsAll(tags, owner);
  }
}
