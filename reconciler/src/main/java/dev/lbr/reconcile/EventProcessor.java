package dev.lbr.reconcile;

import dev.lbr.event.ClusterEvent;
import dev.lbr.event.EventValidator;
import dev.lbr.event.InvalidEventException;
import dev.lbr.event.InventoryEvent;
import dev.lbr.event.ObjectEvent;
import dev.lbr.event.Operation;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.K8sPod;
import dev.lbr.k8s.Kind;
import dev.lbr.model.StackId;
import dev.lbr.state.BackendIndex;
import dev.lbr.state.SnapshotStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles a batch of event envelopes: validates each, stores its snapshot (newer only), then
 * reconciles every affected stack once. A message fails (and is retried by the queue, then
 * dead-lettered) when it is invalid, when storing it fails, or when a stack it affects fails with a
 * retryable error. Invalid user input is not a failure: it is recorded on the stack.
 */
public final class EventProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(EventProcessor.class);

  private final EventValidator validator;
  private final SnapshotStore snapshots;
  private final BackendIndex backends;
  private final StackReconciler reconciler;
  private final Set<Kind> acceptedKinds;
  private final VersionGuard versions;
  private final InventoryTombstones inventories;
  private final Supplier<List<StackId>> groupsWithState;
  private final TargetHealthChecks healthChecks;

  EventProcessor(
      EventValidator validator,
      SnapshotStore snapshots,
      BackendIndex backends,
      StackReconciler reconciler,
      Set<Kind> acceptedKinds,
      VersionGuard versions,
      InventoryTombstones inventories,
      Supplier<List<StackId>> groupsWithState,
      TargetHealthChecks healthChecks) {
    this.validator = validator;
    this.snapshots = snapshots;
    this.backends = backends;
    this.reconciler = reconciler;
    this.acceptedKinds = Set.copyOf(acceptedKinds);
    this.versions = versions;
    this.inventories = inventories;
    this.groupsWithState = groupsWithState;
    this.healthChecks = healthChecks;
  }

  public record Message(String id, String body) {}

  public record BatchOutcome(
      List<String> failedMessageIds, List<ReconcileResult> results, List<String> errors) {}

  public BatchOutcome process(List<Message> messages) {
    Set<String> failed = new LinkedHashSet<>();
    List<String> errors = new ArrayList<>();
    Map<StackId, List<String>> stacks = new LinkedHashMap<>();
    AffectedStacks affected = new AffectedStacks(snapshots, backends);
    VersionGuard.Batch versionCheck;
    try {
      versionCheck = versions.batch();
    } catch (RuntimeException e) {
      // Without the high-water mark no event can be checked: every message is retried.
      LOG.atWarn().addKeyValue("error", e.toString()).log("high-water-unread");
      return new BatchOutcome(
          messages.stream().map(Message::id).toList(),
          List.of(),
          List.of("the cluster's resourceVersion high-water mark could not be read: " + e));
    }
    Map<HealthCheckRequest, String> checks = new LinkedHashMap<>();
    Set<StackId> gated = new LinkedHashSet<>();
    for (Message message : messages) {
      try {
        if (HealthCheckRequest.isOne(message.body())) {
          checks.put(HealthCheckRequest.fromJson(message.body()), message.id());
          continue;
        }
        ClusterEvent event = validator.parse(message.body());
        versionCheck.check(event);
        List<StackId> affectedStacks = store(event, affected);
        for (StackId stack : affectedStacks) {
          stacks.computeIfAbsent(stack, s -> new ArrayList<>()).add(message.id());
        }
        if (awaitsGate(event)) {
          gated.addAll(affectedStacks);
        }
      } catch (InvalidEventException e) {
        failed.add(message.id());
        errors.add("message " + message.id() + ": " + e.getMessage());
        LOG.atWarn()
            .addKeyValue("messageId", message.id())
            .addKeyValue("error", e.getMessage())
            .log("invalid-event");
      } catch (RuntimeException e) {
        failed.add(message.id());
        errors.add("message " + message.id() + ": " + e);
        LOG.atWarn()
            .addKeyValue("messageId", message.id())
            .addKeyValue("error", e.toString())
            .log("store-failed");
      }
    }
    versionCheck.commit();
    List<ReconcileResult> results = new ArrayList<>();
    stacks.forEach(
        (stack, ids) -> {
          try {
            results.add(reconciler.reconcile(stack, false));
            if (gated.contains(stack)) {
              healthChecks.request(stack);
            }
          } catch (RuntimeException e) {
            failed.addAll(ids);
            errors.add("stack " + stack + ": " + e);
            LOG.atWarn()
                .addKeyValue("stack", stack)
                .addKeyValue("error", e.toString())
                .log("reconcile-failed");
          }
        });
    checks.forEach(
        (check, id) -> {
          try {
            healthChecks.check(check);
          } catch (RuntimeException e) {
            failed.add(id);
            errors.add("target health check " + check.stack() + ": " + e);
            LOG.atWarn()
                .addKeyValue("stack", check.stack())
                .addKeyValue("error", e.toString())
                .log("target-health-check-failed");
          }
        });
    return new BatchOutcome(List.copyOf(failed), results, errors);
  }

  /** A gated pod whose containers are ready and whose gate is not True yet: check its targets. */
  private static boolean awaitsGate(ClusterEvent event) {
    return event instanceof ObjectEvent e
        && e.op() == Operation.UPSERT
        && e.object() instanceof K8sPod pod
        && TargetHealthChecks.awaitsGate(pod);
  }

  /** Stores what the event says and returns the stacks it may affect. */
  private List<StackId> store(ClusterEvent event, AffectedStacks affected) {
    return switch (event) {
      case ObjectEvent e -> storeObject(e, affected);
      case InventoryEvent e -> storeInventory(e, affected);
    };
  }

  private List<StackId> storeObject(ObjectEvent e, AffectedStacks affected) {
    if (!acceptedKinds.contains(e.key().kind())) {
      throw new InvalidEventException(
          e.key().toString(), "this function handles " + acceptedKinds + " events only");
    }
    // One extra read only where the previous state matters (group membership) or is all we have.
    boolean readFirst =
        AffectedStacks.needsPrevious(e.key().kind())
            || (e.op() == Operation.DELETE && e.object() == null);
    K8sObject stored = readFirst ? snapshots.get(e.key()).orElse(null) : null;
    if (e.op() == Operation.UPSERT) {
      snapshots.upsert(e.object());
      return affected.of(e.key(), stored, e.object());
    }
    K8sObject last = e.object() != null ? e.object() : stored;
    String uid = !e.uid().isEmpty() || last == null ? e.uid() : last.metadata().uid();
    snapshots.delete(e.key(), e.resourceVersion(), uid);
    List<StackId> stacks = affected.ofDeleted(e.key(), stored, last);
    if (last == null && e.key().kind() == Kind.INGRESS) {
      // Already a tombstone (a redelivery after a failed pass) and the event carries no object:
      // the group it left is unknown, so every group we hold state for is woken. Those it did
      // not leave end at their checkpoint without an AWS call.
      groupsWithState.get().stream().filter(id -> !stacks.contains(id)).forEach(stacks::add);
    }
    return stacks;
  }

  /**
   * Live objects we hold that the cluster no longer lists were deleted while we were not told. The
   * tombstone takes the inventory's resourceVersion: the deletion happened no later than that. An
   * inventory that would delete too much is refused ({@link InventoryTombstones}).
   */
  private List<StackId> storeInventory(InventoryEvent e, AffectedStacks stacks) {
    return inventories.apply(e, stacks);
  }

  /** Reconciles stacks directly, e.g. to prune stacks found in AWS that no input holds. */
  public List<ReconcileResult> reconcile(Set<StackId> stackIds, boolean force) {
    return stackIds.stream().map(id -> reconciler.reconcile(id, force)).toList();
  }
}
