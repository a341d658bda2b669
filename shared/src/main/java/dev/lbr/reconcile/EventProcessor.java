package dev.lbr.reconcile;

import dev.lbr.event.ClusterEvent;
import dev.lbr.event.EventValidator;
import dev.lbr.event.InvalidEventException;
import dev.lbr.event.InventoryEvent;
import dev.lbr.event.ObjectEvent;
import dev.lbr.event.Operation;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.model.StackId;
import dev.lbr.state.SnapshotStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final StackReconciler reconciler;
  private final Set<Kind> acceptedKinds;

  public EventProcessor(
      EventValidator validator,
      SnapshotStore snapshots,
      StackReconciler reconciler,
      Set<Kind> acceptedKinds) {
    this.validator = validator;
    this.snapshots = snapshots;
    this.reconciler = reconciler;
    this.acceptedKinds = Set.copyOf(acceptedKinds);
  }

  public record Message(String id, String body) {}

  public record BatchOutcome(
      List<String> failedMessageIds, List<ReconcileResult> results, List<String> errors) {}

  public BatchOutcome process(List<Message> messages) {
    Set<String> failed = new LinkedHashSet<>();
    List<String> errors = new ArrayList<>();
    Map<StackId, List<String>> stacks = new LinkedHashMap<>();
    for (Message message : messages) {
      try {
        for (StackId stack : store(validator.parse(message.body()))) {
          stacks.computeIfAbsent(stack, s -> new ArrayList<>()).add(message.id());
        }
      } catch (InvalidEventException e) {
        failed.add(message.id());
        errors.add("message " + message.id() + ": " + e.getMessage());
        LOG.warn(
            "{\"message\":\"{}\",\"event\":\"invalid-event\",\"error\":\"{}\"}",
            message.id(),
            e.getMessage());
      } catch (RuntimeException e) {
        failed.add(message.id());
        errors.add("message " + message.id() + ": " + e);
        LOG.warn(
            "{\"message\":\"{}\",\"event\":\"store-failed\",\"error\":\"{}\"}",
            message.id(),
            e.toString());
      }
    }
    List<ReconcileResult> results = new ArrayList<>();
    stacks.forEach(
        (stack, ids) -> {
          try {
            results.add(reconciler.reconcile(stack, false));
          } catch (RuntimeException e) {
            failed.addAll(ids);
            errors.add("stack " + stack + ": " + e);
            LOG.warn(
                "{\"stack\":\"{}\",\"event\":\"reconcile-failed\",\"error\":\"{}\"}",
                stack,
                e.toString());
          }
        });
    return new BatchOutcome(List.copyOf(failed), results, errors);
  }

  /** Stores what the event says and returns the stacks it may affect. */
  private List<StackId> store(ClusterEvent event) {
    return switch (event) {
      case ObjectEvent e -> storeObject(e);
      case InventoryEvent e -> storeInventory(e);
    };
  }

  private List<StackId> storeObject(ObjectEvent e) {
    if (!acceptedKinds.contains(e.key().kind())) {
      throw new InvalidEventException(
          e.key().toString(), "this function handles " + acceptedKinds + " events only");
    }
    if (e.op() == Operation.UPSERT) {
      snapshots.upsert(e.object());
      return AffectedStacks.of(e.key(), e.object());
    }
    K8sObject last = e.object() != null ? e.object() : snapshots.get(e.key()).orElse(null);
    snapshots.delete(e.key(), e.resourceVersion());
    return AffectedStacks.of(e.key(), last);
  }

  /**
   * Live objects we hold that the cluster no longer lists were deleted while we were not told. The
   * tombstone takes the inventory's resourceVersion: the deletion happened no later than that.
   */
  private List<StackId> storeInventory(InventoryEvent e) {
    List<StackId> affected = new ArrayList<>();
    for (Kind kind : e.keys().keySet()) {
      for (ObjectKey key : snapshots.liveKeys(kind)) {
        snapshots
            .read(key)
            .filter(stored -> e.showsDeleted(key, stored.resourceVersion()))
            .ifPresent(
                stored -> {
                  snapshots.delete(key, e.resourceVersion());
                  affected.addAll(AffectedStacks.of(key, stored.object()));
                });
      }
    }
    return affected;
  }

  /** Reconciles stacks directly, e.g. to prune stacks found in AWS that no input holds. */
  public List<ReconcileResult> reconcile(Set<StackId> stackIds, boolean force) {
    return stackIds.stream().map(id -> reconciler.reconcile(id, force)).toList();
  }
}
