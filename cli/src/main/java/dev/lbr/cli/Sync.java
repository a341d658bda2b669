package dev.lbr.cli;

import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.model.StackId;
import dev.lbr.reconcile.EventProcessor;
import dev.lbr.reconcile.ReconcileResult;
import dev.lbr.reconcile.StackInputs;
import dev.lbr.state.Checkpoint;
import dev.lbr.state.MemorySnapshotStore;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code lbr apply}: the manifests become events, and the events go through the reconcile
 * function's processor in one batch, exactly as a Lambda invocation would handle them.
 */
final class Sync {
  private final Session session;
  private final PrintStream out;

  Sync(Session session, PrintStream out) {
    this.session = session;
    this.out = out;
  }

  /**
   * Returns the exit status: non-zero when anything was refused, here ({@code refusedEarlier}
   * documents of the input, objects no event can hold) or by the reconciler. As {@code kubectl
   * apply --prune} does, nothing is pruned when anything was refused: a refused object is still
   * meant to exist.
   */
  int apply(List<K8sObject> objects, boolean prune, int refusedEarlier) {
    String cluster = session.cluster();
    Instant now = Instant.now();
    ManifestEvents.Upserts upserts =
        ManifestEvents.upserts(cluster, objects, session.stores().snapshots(), now);
    upserts.refused().forEach(r -> out.println("✗ " + r + " (refused)"));
    boolean refused = refusedEarlier > 0 || !upserts.refused().isEmpty();
    if (prune && refused) {
      out.println("✗ not pruning: part of the input was refused");
      prune = false;
    }
    List<String> envelopes = new ArrayList<>(upserts.envelopes());
    if (prune) {
      envelopes.addAll(
          ManifestEvents.deletions(cluster, objects, session.stores().snapshots(), now));
    }
    EventProcessor processor = session.controller().processor(EnumSet.allOf(Kind.class));
    List<EventProcessor.Message> messages = new ArrayList<>();
    for (int i = 0; i < envelopes.size(); i++) {
      messages.add(new EventProcessor.Message("m" + i, envelopes.get(i)));
    }
    EventProcessor.BatchOutcome outcome = processor.process(messages);
    List<ReconcileResult> results = new ArrayList<>(outcome.results());
    List<String> errors = new ArrayList<>(outcome.errors());
    if (prune) {
      Set<StackId> orphans = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
      orphans.addAll(session.ownedStacks());
      orphans.removeAll(inputStacks(objects));
      for (StackId orphan : orphans) {
        try {
          results.addAll(processor.reconcile(Set.of(orphan), true));
        } catch (RuntimeException e) {
          errors.add("stack " + orphan + ": " + e.getMessage());
        }
      }
    }
    int status = report(results, errors);
    return status == Lbr.OK && refused ? Lbr.INVALID_INPUT : status;
  }

  private int report(List<ReconcileResult> results, List<String> errors) {
    boolean invalid = false;
    boolean busy = false;
    boolean held = false;
    for (ReconcileResult r : results) {
      switch (r.path()) {
        case INVALID -> {
          invalid = true;
          out.println("✗ " + r.stackId().name() + ": invalid: " + r.error());
        }
        case BUSY -> {
          busy = true;
          out.println("⧗ " + r.stackId().name() + ": busy, not changed here: " + r.error());
          out.println(
              "    marked dirty: the holder runs it again before it releases the lease; if the"
                  + " holder died, run lbr apply again after that time");
        }
        case HELD -> {
          held = true;
          out.println("⏸ " + r.stackId().name() + ": deletion held: " + r.error());
        }
        case UNCHANGED -> out.println("= " + r.stackId().name() + ": unchanged");
        default -> {
          out.println(
              "✓ "
                  + r.stackId().name()
                  + ": "
                  + r.changes().size()
                  + " change(s) ["
                  + r.path().name().toLowerCase()
                  + "]");
          r.changes().forEach(c -> out.println("    " + c));
        }
      }
    }
    errors.forEach(e -> out.println("✗ " + e));
    if (!errors.isEmpty()) {
      return Lbr.FAILED;
    }
    if (invalid) {
      return Lbr.INVALID_INPUT;
    }
    return busy ? Lbr.BUSY : held ? Lbr.HELD : Lbr.OK;
  }

  /** The stacks the input asks for: every Service (managed or not) and every IngressGroup. */
  static Set<StackId> inputStacks(List<K8sObject> objects) {
    return StackInputs.stacks(MemorySnapshotStore.of(objects));
  }

  /** Invalid stacks recorded in the state, with their errors. */
  static List<Checkpoint> invalid(Session session) {
    return session.stores().checkpoints().list().stream()
        .filter(cp -> cp.status() == Checkpoint.Status.INVALID)
        .toList();
  }
}
