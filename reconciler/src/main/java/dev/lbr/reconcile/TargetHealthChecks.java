package dev.lbr.reconcile;

import dev.lbr.aws.ElbGateway;
import dev.lbr.event.PodConditions;
import dev.lbr.k8s.K8sPod;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import dev.lbr.model.StackKind;
import dev.lbr.model.Target;
import dev.lbr.model.TargetHealth;
import dev.lbr.model.TargetSource;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.CheckpointStore;
import dev.lbr.state.HealthCheckStore;
import dev.lbr.state.SnapshotStore;
import dev.lbr.translate.common.ReadinessGates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pod readiness gates, the AWS side: after a gated pod's containers turn ready (and the pass its
 * event woke registered it), the stack's target health is checked until each gated target is
 * healthy, and the result goes to the status queue as {@link PodConditions} for the forwarder to
 * patch on the pods. Checks are delayed messages on the health-check queue ({@link
 * HealthCheckQueue}), one chain per stack ({@link HealthCheckStore}), one DescribeTargetHealth per
 * target group with a waiting pod per check: every {@link #FAST} for the first {@link
 * #FAST_ATTEMPTS} checks, then every {@link #SLOW} until {@link #SLOW_UNTIL} checks (about ten
 * minutes), then every {@link #IDLE} for as long as a gated pod waits (as LBC requeues a binding
 * until its targets are healthy). The chain ends when no gated pod of the stack waits.
 */
final class TargetHealthChecks {
  private static final Logger LOG = LoggerFactory.getLogger(TargetHealthChecks.class);

  static final Duration FAST = Duration.ofSeconds(5);
  static final Duration SLOW = Duration.ofSeconds(10);
  static final Duration IDLE = Duration.ofMinutes(1);
  static final int FAST_ATTEMPTS = 6;
  static final int SLOW_UNTIL = 60;

  private final String cluster;
  private final SnapshotStore snapshots;
  private final CheckpointStore checkpoints;
  private final HealthCheckStore pending;
  private final ElbGateway elb;
  private final ResultPublisher results;
  private final HealthCheckQueue queue;
  private final Clock clock;

  TargetHealthChecks(
      String cluster,
      SnapshotStore snapshots,
      CheckpointStore checkpoints,
      HealthCheckStore pending,
      ElbGateway elb,
      ResultPublisher results,
      HealthCheckQueue queue,
      Clock clock) {
    this.cluster = cluster;
    this.snapshots = snapshots;
    this.checkpoints = checkpoints;
    this.pending = pending;
    this.elb = elb;
    this.results = results;
    this.queue = queue;
    this.clock = clock;
  }

  static Duration delay(int attempt) {
    return attempt < FAST_ATTEMPTS ? FAST : attempt < SLOW_UNTIL ? SLOW : IDLE;
  }

  /**
   * Whether a pod waits for one of its target-health gates: its containers are ready, it is not
   * being deleted, and a target-health condition is not True yet.
   */
  static boolean awaitsGate(K8sPod pod) {
    return pod.metadata().deletionTimestamp() == null
        && pod.containersReady()
        && pod.spec().readinessGates().stream()
            .map(K8sPod.ReadinessGate::conditionType)
            .filter(t -> t != null && t.startsWith(K8sPod.TARGET_HEALTH_PREFIX))
            .anyMatch(t -> !pod.condition(t).map("True"::equals).orElse(false));
  }

  /** Starts the stack's chain of checks, unless one is under way or no queue is configured. */
  void request(StackId stack) {
    if (!queue.enabled()) {
      return;
    }
    Instant now = clock.instant();
    Duration delay = delay(0);
    if (pending.claim(stack, now.plus(delay), now)) {
      queue.send(new HealthCheckRequest(cluster, stack.toString(), 0), delay);
    }
  }

  /**
   * The drift run's part: the stacks of every gated pod still waiting for its gate get a chain,
   * unless one is under way (a chain whose message was lost is replaced). Returns how many stacks
   * were asked for.
   */
  int requestWaiting(AffectedStacks affected) {
    if (!queue.enabled()) {
      return 0;
    }
    java.util.Set<StackId> stacks = new java.util.LinkedHashSet<>();
    for (dev.lbr.k8s.K8sObject o : snapshots.liveObjects(dev.lbr.k8s.Kind.POD)) {
      if (o instanceof K8sPod pod && awaitsGate(pod)) {
        stacks.addAll(affected.of(pod.key(), null, pod));
      }
    }
    stacks.forEach(this::request);
    return stacks.size();
  }

  /** Runs one check of the chain; sends the next unless every gated target is healthy. */
  void check(HealthCheckRequest request) {
    if (!cluster.equals(request.cluster())) {
      throw new IllegalArgumentException(
          "a target health check of cluster '" + request.cluster() + "', not '" + cluster + "'");
    }
    StackId stack = StackId.parse(request.stack());
    // each pod read once per check, however many target groups name it
    Map<ObjectKey, Optional<K8sPod>> read = new HashMap<>();
    Function<ObjectKey, Optional<K8sPod>> pods = key -> read.computeIfAbsent(key, this::pod);
    List<PodConditions.Pod> conditions = new ArrayList<>();
    boolean waiting = false;
    Instant checkedAt = clock.instant();
    Checkpoint cp = checkpoints.get(stack).orElse(null);
    if (cp != null) {
      for (Map.Entry<String, TargetSource> e : cp.sources().entrySet()) {
        String arn = cp.resources().get(e.getKey());
        if (e.getValue().instance() || arn == null) {
          continue;
        }
        String gate = ReadinessGates.gate(bindingName(stack, arn));
        Map<Target, ObjectKey> awaiting =
            ReadinessGates.awaiting(
                ReadinessGates.heldBack(
                    e.getValue(),
                    snapshots.endpointSlices(e.getValue().namespace(), e.getValue().service()),
                    pods),
                gate,
                pods);
        if (awaiting.isEmpty()) {
          continue;
        }
        Map<Target, TargetHealth> health = elb.targetHealth(arn);
        checkedAt = clock.instant();
        for (Map.Entry<Target, ObjectKey> w : awaiting.entrySet()) {
          Optional<K8sPod> found = pods.apply(w.getValue());
          if (found.isEmpty()) {
            continue; // deleted since it was found waiting
          }
          K8sPod pod = found.get();
          TargetHealth h = health.getOrDefault(w.getKey(), TargetHealth.REGISTRATION_IN_PROGRESS);
          waiting |= !h.healthy();
          ReadinessGates.Condition c = ReadinessGates.condition(h);
          conditions.add(
              new PodConditions.Pod(
                  pod.metadata().namespace(),
                  pod.metadata().name(),
                  pod.metadata().uid(),
                  gate,
                  c.status(),
                  c.reason(),
                  c.message()));
        }
      }
    }
    if (!conditions.isEmpty()) {
      results.publish(
          new PodConditions(cluster, request.stack(), checkedAt.toEpochMilli(), conditions));
    }
    LOG.atInfo()
        .addKeyValue("stack", request.stack())
        .addKeyValue("attempt", request.attempt())
        .addKeyValue("pods", conditions.size())
        .addKeyValue("waiting", waiting)
        .log("target-health-checked");
    if (waiting) {
      Duration delay = delay(request.attempt() + 1);
      pending.reschedule(stack, clock.instant().plus(delay));
      queue.send(request.next(), delay);
    } else {
      pending.release(stack);
    }
  }

  private Optional<K8sPod> pod(ObjectKey key) {
    return snapshots.get(key).filter(K8sPod.class::isInstance).map(K8sPod.class::cast);
  }

  /**
   * The binding a target group's gate is named after: a user's binding for its stack; for lbr's own
   * stacks the TargetGroupBinding the forwarder writes, named after the target group (the name in
   * its ARN, {@code …:targetgroup/<name>/<id>}).
   */
  static String bindingName(StackId stack, String targetGroupArn) {
    if (stack.kind() == StackKind.BINDING) {
      return stack.name().substring(stack.name().indexOf('/') + 1);
    }
    String[] parts =
        targetGroupArn.substring(targetGroupArn.indexOf(":targetgroup/") + 13).split("/");
    return parts[0];
  }
}
