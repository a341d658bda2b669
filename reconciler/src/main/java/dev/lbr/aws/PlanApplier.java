package dev.lbr.aws;

import dev.lbr.model.ActualStack;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.StackId;
import dev.lbr.plan.Change;
import dev.lbr.plan.Plan;
import dev.lbr.plan.Ref;
import dev.lbr.plan.ResourceKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Executes a plan's changes in order against ELBv2 and EC2, resolving refs as it goes; only when a
 * listener is full does one of its planned rule deletions come forward (LBC's create/delete cycle).
 * Logs one JSON line per mutating call. Stops at the first failure and lets it propagate: the
 * changes already applied have been reported to the {@link ApplyListener}, and planning again from
 * what exists converges.
 */
public final class PlanApplier {
  private static final Logger LOG = LoggerFactory.getLogger(PlanApplier.class);

  private final ElbGateway elb;
  private final Ec2Gateway ec2;

  public PlanApplier(ElbGateway elb, Ec2Gateway ec2) {
    this.elb = elb;
    this.ec2 = ec2;
  }

  /** {@code actual} is the state the plan was made from (it names the existing resources). */
  public ApplyResult apply(Plan plan, ActualStack actual, ApplyListener listener) {
    if (!plan.stackId().equals(actual.id())) {
      throw new IllegalArgumentException(
          "plan for " + plan.stackId() + " applied to actual stack " + actual.id());
    }
    return run(plan, new AppliedResources(actual), listener);
  }

  /**
   * A targets-only plan (the targets function's path, and an invalid spec's last valid targets):
   * registrations and deregistrations in target groups known by ARN, so no stack was read.
   */
  public ApplyResult applyTargets(Plan plan, ApplyListener listener) {
    for (Change change : plan.changes()) {
      boolean targets =
          change instanceof Change.RegisterTargets r && !r.targetGroup().isPending()
              || change instanceof Change.DeregisterTargets d && !d.targetGroup().isPending();
      if (!targets) {
        throw new IllegalArgumentException("not a change of known targets: " + change);
      }
    }
    return run(plan, AppliedResources.none(), listener);
  }

  private ApplyResult run(Plan plan, AppliedResources resources, ApplyListener listener) {
    Run run = new Run(plan.stackId(), resources, listener);
    if (!plan.isEmpty()) {
      listener.beforeFirstMutation();
    }
    List<Change> changes = plan.changes();
    Set<Integer> doneEarly = new HashSet<>();
    for (int i = 0; i < changes.size(); i++) {
      if (doneEarly.contains(i)) {
        continue;
      }
      while (true) {
        try {
          listener.applied(changes.get(i), run.execute(changes.get(i)));
          break;
        } catch (RuntimeException e) {
          int room = run.deletionMakingRoom(changes, i, doneEarly, e);
          if (room < 0) {
            throw e;
          }
          listener.applied(changes.get(room), run.execute(changes.get(room)));
          doneEarly.add(room);
        }
      }
    }
    return new ApplyResult(run.resources.snapshot(), run.calls);
  }

  /** One application of one plan. */
  private final class Run {
    private final StackId stack;
    private final AppliedResources resources;
    private final ApplyListener listener;
    private int calls;

    Run(StackId stack, AppliedResources resources, ApplyListener listener) {
      this.stack = stack;
      this.resources = resources;
      this.listener = listener;
    }

    /** Returns the ARN the change created or acted on. */
    String execute(Change change) {
      return switch (change) {
        case Change.CreateTargetGroup c -> {
          String id = c.spec().resourceId();
          String arn = create(change, id, () -> elb.createTargetGroup(c.spec()));
          resources.created(id, arn);
          yield arn;
        }
        case Change.ModifyTargetGroupHealthCheck c ->
            mutate(
                change,
                c.targetGroup(),
                arn -> elb.modifyTargetGroupHealthCheck(arn, c.healthCheck()));
        case Change.ModifyTargetGroupAttributes c ->
            mutate(
                change,
                c.targetGroup(),
                arn -> elb.modifyTargetGroupAttributes(arn, c.attributes()));
        case Change.DeleteTargetGroup c -> {
          String arn = mutate(change, c.targetGroup(), elb::deleteTargetGroup);
          resources.deleted(arn);
          yield arn;
        }
        case Change.CreateLoadBalancer c -> {
          LoadBalancerSpec spec =
              withManagedGroup(c.spec(), c.securityGroup().map(resources::resolve));
          String arn =
              create(change, ResourceKeys.LOAD_BALANCER, () -> elb.createLoadBalancer(spec));
          resources.created(ResourceKeys.LOAD_BALANCER, arn);
          yield arn;
        }
        case Change.ModifyLoadBalancerAttributes c ->
            mutate(
                change,
                c.loadBalancer(),
                arn -> elb.modifyLoadBalancerAttributes(arn, c.attributes()));
        case Change.SetSubnets c ->
            mutate(change, c.loadBalancer(), arn -> elb.setSubnets(arn, c.subnetIds()));
        case Change.SetIpAddressType c ->
            mutate(change, c.loadBalancer(), arn -> elb.setIpAddressType(arn, c.ipAddressType()));
        case Change.DeleteLoadBalancer c -> {
          String arn = mutate(change, c.loadBalancer(), elb::deleteLoadBalancer);
          resources.loadBalancerDeleted(arn);
          yield arn;
        }
        case Change.CreateListener c -> {
          String lb = resources.resolve(c.loadBalancer());
          String key = ResourceKeys.listener(c.spec().port());
          String arn =
              create(change, key, () -> elb.createListener(lb, resources.resolve(c.spec())));
          resources.created(key, arn);
          yield arn;
        }
        case Change.ModifyListener c ->
            mutate(
                change, c.listener(), arn -> elb.modifyListener(arn, resources.resolve(c.spec())));
        case Change.DeleteListener c -> {
          String arn = mutate(change, c.listener(), elb::deleteListener);
          resources.deleted(arn);
          yield arn;
        }
        case Change.UpdateTags c -> {
          String arn = resources.resolve(c.resource());
          if (!c.add().isEmpty()) {
            call(change, "AddTags", c.resource().toString(), arn, () -> elb.addTags(arn, c.add()));
          }
          if (!c.remove().isEmpty()) {
            call(
                change,
                "RemoveTags",
                c.resource().toString(),
                arn,
                () -> elb.removeTags(arn, c.remove()));
          }
          yield arn;
        }
        case Change.RegisterTargets c ->
            mutate(change, c.targetGroup(), arn -> elb.registerTargets(arn, c.targets()));
        case Change.DeregisterTargets c ->
            mutate(change, c.targetGroup(), arn -> elb.deregisterTargets(arn, c.targets()));
        case Change.CreateRule c -> {
          String listenerArn = resources.resolve(c.listener());
          String key = ResourceKeys.rule(c.listener().toString(), c.spec().priority());
          yield create(change, key, () -> elb.createRule(listenerArn, resources.resolve(c.spec())));
        }
        case Change.ModifyRule c ->
            mutate(change, c.rule(), arn -> elb.modifyRule(arn, resources.resolve(c.spec())));
        case Change.SetRulePriorities c ->
            mutate(change, c.listener(), arn -> elb.setRulePriorities(c.priorities()));
        case Change.DeleteRule c -> mutate(change, c.rule(), elb::deleteRule);
        case Change.CreateSecurityGroup c -> {
          String key = ResourceKeys.SECURITY_GROUP;
          String id = create(change, key, () -> ec2.createSecurityGroup(c.spec()));
          resources.created(key, id);
          yield id;
        }
        case Change.AuthorizeSecurityGroupIngress c ->
            mutate(change, c.securityGroup(), id -> ec2.authorizeIngress(id, c.rules()));
        case Change.RevokeSecurityGroupIngress c ->
            mutate(change, c.securityGroup(), id -> ec2.revokeIngress(id, c.rules()));
        case Change.UpdateSecurityGroupTags c -> {
          String id = resources.resolve(c.securityGroup());
          String name = c.securityGroup().toString();
          if (!c.add().isEmpty()) {
            call(change, "CreateTags", name, id, () -> ec2.addTags(id, c.add()));
          }
          if (!c.remove().isEmpty()) {
            call(change, "DeleteTags", name, id, () -> ec2.removeTags(id, c.remove()));
          }
          yield id;
        }
        case Change.SetSecurityGroups c -> {
          List<String> ids = c.securityGroups().stream().map(resources::resolve).toList();
          yield mutate(change, c.loadBalancer(), arn -> elb.setSecurityGroups(arn, ids));
        }
        case Change.DeleteSecurityGroup c -> {
          String id = mutate(change, c.securityGroup(), ec2::deleteSecurityGroup);
          resources.deleted(id);
          yield id;
        }
      };
    }

    /**
     * LBC creates rules before deleting others, and when a listener is full ({@code TooManyRules})
     * deletes one first. Returns the index of the next deletion planned for the same listener, not
     * yet made, when {@code failure} is that for the rule {@code changes[failed]} creates; else -1.
     */
    int deletionMakingRoom(
        List<Change> changes, int failed, Set<Integer> doneEarly, RuntimeException failure) {
      if (!(changes.get(failed) instanceof Change.CreateRule create)
          || !"TooManyRules".equals(AwsErrors.errorCode(failure))) {
        return -1;
      }
      String listenerArn = resources.resolve(create.listener());
      for (int j = failed + 1; j < changes.size(); j++) {
        if (!doneEarly.contains(j)
            && changes.get(j) instanceof Change.DeleteRule delete
            && !delete.rule().isPending()
            && resources.listenerOfRule(delete.rule().arn()).orElse("").equals(listenerArn)) {
          return j;
        }
      }
      return -1;
    }

    private String mutate(Change change, Ref ref, Consumer<String> call) {
      String arn = resources.resolve(ref);
      call(change, operation(change), ref.toString(), arn, () -> call.accept(arn));
      return arn;
    }

    private String create(Change change, String resource, Supplier<String> call) {
      listener.beforeMutation(change);
      calls++;
      String arn = call.get();
      logCall(callFields(stack, change, operation(change), resource, arn));
      return arn;
    }

    private void call(Change change, String operation, String resource, String arn, Runnable call) {
      listener.beforeMutation(change);
      calls++;
      call.run();
      logCall(callFields(stack, change, operation, resource, arn));
    }
  }

  /** The ELBv2 API operation a change calls (UpdateTags calls AddTags and RemoveTags). */
  static String operation(Change change) {
    return switch (change) {
      case Change.ModifyTargetGroupHealthCheck c -> "ModifyTargetGroup";
      case Change.UpdateTags c -> "AddTags/RemoveTags";
      case Change.UpdateSecurityGroupTags c -> "CreateTags/DeleteTags";
      default -> change.getClass().getSimpleName();
    };
  }

  /** The spec with the managed security group (if any) before the spec's own groups. */
  static LoadBalancerSpec withManagedGroup(LoadBalancerSpec spec, Optional<String> groupId) {
    if (groupId.isEmpty()) {
      return spec;
    }
    List<String> groups = new ArrayList<>(List.of(groupId.get()));
    spec.securityGroupIds().stream().filter(id -> !groups.contains(id)).forEach(groups::add);
    return new LoadBalancerSpec(
        spec.name(),
        spec.type(),
        spec.scheme(),
        spec.ipAddressType(),
        spec.subnetIds(),
        groups,
        spec.attributes(),
        spec.tags());
  }

  /**
   * The fields of the one log line per mutating call ({@code aws-call}): stack, change, operation,
   * resource, arn.
   */
  static Map<String, String> callFields(
      StackId stack, Change change, String operation, String resource, String arn) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("stack", stack.value());
    fields.put("change", change.getClass().getSimpleName());
    fields.put("operation", operation);
    fields.put("resource", resource);
    fields.put("arn", arn);
    return fields;
  }

  private static void logCall(Map<String, String> fields) {
    LoggingEventBuilder line = LOG.atInfo();
    fields.forEach(line::addKeyValue);
    line.log("aws-call");
  }
}
