package dev.lbr.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.plan.DriftFinding;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One drift run: every stack checked, what drifted field by field, what was done.
 *
 * @param complete every stack was checked; false when the run stopped at its deadline (the next run
 *     resumes after the last stack checked)
 * @param breakerTripped garbage collection was refused by the circuit breaker
 */
public record DriftReport(
    String cluster,
    Instant startedAt,
    Instant finishedAt,
    boolean dryRun,
    List<StackDrift> stacks,
    boolean complete,
    boolean breakerTripped) {

  public DriftReport {
    stacks = List.copyOf(stacks);
  }

  public long count(StackDrift.Outcome outcome) {
    return stacks.stream().filter(s -> s.outcome() == outcome).count();
  }

  /** Stacks with inputs whose AWS state differed: repaired, or found by a dry run. */
  public long drifted() {
    return count(StackDrift.Outcome.REPAIRED) + count(StackDrift.Outcome.DRIFTED);
  }

  /**
   * The counts that go to metrics (the drift function publishes them, namespace {@code lbr/drift})
   * and the summary line.
   */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("StacksChecked", (long) stacks.size());
    counts.put("StacksDrifted", drifted());
    counts.put("StacksRepaired", count(StackDrift.Outcome.REPAIRED));
    counts.put("StacksFailed", count(StackDrift.Outcome.FAILED));
    counts.put("OrphansWaiting", count(StackDrift.Outcome.ORPHAN_WAITING));
    counts.put("GcDeleted", dryRun ? 0 : count(StackDrift.Outcome.COLLECTED));
    counts.put("GcRefused", count(StackDrift.Outcome.REFUSED));
    return counts;
  }

  /**
   * The report as JSON. Clean stacks are only counted, so a fleet of thousands still fits one
   * state-table item.
   */
  public ObjectNode toJson() {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("cluster", cluster);
    root.put("startedAt", startedAt.toString());
    root.put("finishedAt", finishedAt.toString());
    root.put("dryRun", dryRun);
    root.put("complete", complete);
    root.put("breakerTripped", breakerTripped);
    ObjectNode counts = root.putObject("counts");
    counts().forEach(counts::put);
    ArrayNode list = root.putArray("stacks");
    for (StackDrift s : stacks) {
      if (s.outcome() == StackDrift.Outcome.CLEAN) {
        continue;
      }
      ObjectNode node = list.addObject();
      node.put("stack", s.id().value());
      node.put("outcome", s.outcome().name());
      if (s.note() != null) {
        node.put("note", s.note());
      }
      ArrayNode findings = node.putArray("drift");
      for (DriftFinding f : s.findings()) {
        findings
            .addObject()
            .put("resource", f.resource())
            .put("field", f.field())
            .put("expected", f.expected())
            .put("actual", f.actual());
      }
      ArrayNode actions = node.putArray("actions");
      s.actions().forEach(actions::add);
    }
    return root;
  }

  /** For people: one block per stack that is not clean, then the counts. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    String mode = dryRun ? " (dry run: nothing changed)" : "";
    out.append("drift run of cluster ").append(cluster).append(mode).append('\n');
    for (StackDrift s : stacks) {
      String mark =
          switch (s.outcome()) {
            case CLEAN -> "=";
            case REPAIRED, COLLECTED -> "✓";
            case DRIFTED, ORPHAN_WAITING -> "~";
            case INVALID, FAILED, REFUSED, BUSY -> "✗";
          };
      out.append(mark).append(' ').append(s.id().value()).append(": ");
      out.append(s.outcome().name().toLowerCase().replace('_', ' '));
      if (s.note() != null) {
        out.append(" (").append(s.note()).append(')');
      }
      out.append('\n');
      for (DriftFinding f : s.findings()) {
        out.append("    ")
            .append(f.resource())
            .append(" ")
            .append(f.field())
            .append(": expected ")
            .append(f.expected())
            .append(", found ")
            .append(f.actual())
            .append('\n');
      }
      boolean done =
          !dryRun
              && (s.outcome() == StackDrift.Outcome.REPAIRED
                  || s.outcome() == StackDrift.Outcome.COLLECTED);
      String verb = done ? "done" : "would do";
      for (String a : s.actions()) {
        out.append("    ").append(verb).append(": ").append(a).append('\n');
      }
    }
    if (!complete) {
      out.append("(stopped at the deadline; the next run resumes where this one stopped)\n");
    }
    if (breakerTripped) {
      out.append("circuit breaker: garbage collection refused (too many load balancers)\n");
    }
    out.append(counts()).append('\n');
    return out.toString();
  }
}
