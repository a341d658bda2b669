package dev.lbr.forwarder.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The forwarder's counters and gauges, rendered in the Prometheus text format (version 0.0.4). The
 * queue gauges are read from the coalescer when scraped.
 */
public final class ForwarderMetrics {
  private final Clock clock;
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong coalesced = new AtomicLong();
  private final AtomicLong oversized = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong podConditions = new AtomicLong();
  private final AtomicLong podConditionMillis = new AtomicLong();
  private final AtomicReference<Instant> lastInventory = new AtomicReference<>();
  private volatile Supplier<Integer> queueDepth = () -> 0;
  private volatile Supplier<Instant> oldestPending = () -> null;

  public ForwarderMetrics(Clock clock) {
    this.clock = clock;
  }

  public void published(int n) {
    published.addAndGet(n);
  }

  public void failed(int n) {
    failed.addAndGet(n);
  }

  public void countCoalesced() {
    coalesced.incrementAndGet();
  }

  public void countOversized() {
    oversized.incrementAndGet();
  }

  public void retried(int n) {
    retried.addAndGet(n);
  }

  /** A pod's readiness gate condition was patched, {@code sinceCheckMillis} after the check. */
  public void podConditionPatched(long sinceCheckMillis) {
    podConditionMillis.addAndGet(sinceCheckMillis);
    podConditions.incrementAndGet();
  }

  public long podConditionsPatched() {
    return podConditions.get();
  }

  public void inventoryPublished(Instant at) {
    lastInventory.set(at);
  }

  /** Where the queue gauges come from (the coalescer). */
  public void queue(Supplier<Integer> depth, Supplier<Instant> oldest) {
    this.queueDepth = depth;
    this.oldestPending = oldest;
  }

  public long published() {
    return published.get();
  }

  public long failed() {
    return failed.get();
  }

  public long coalesced() {
    return coalesced.get();
  }

  public long oversized() {
    return oversized.get();
  }

  public long retried() {
    return retried.get();
  }

  /** The Prometheus text exposition. */
  public String render() {
    StringBuilder out = new StringBuilder();
    counter(out, "lbr_forwarder_events_published_total", "Events accepted by the bus.", published);
    counter(
        out,
        "lbr_forwarder_events_failed_total",
        "Events given up on after retries, or rejected by the bus.",
        failed);
    counter(
        out,
        "lbr_forwarder_events_coalesced_total",
        "Changes replaced by a later change of the same object within the window.",
        coalesced);
    counter(
        out,
        "lbr_forwarder_events_oversized_total",
        "Objects whose event is over the contract's size limit (not published).",
        oversized);
    counter(out, "lbr_forwarder_entries_retried_total", "PutEvents entries sent again.", retried);
    String latency = "lbr_forwarder_pod_condition_latency_seconds";
    out.append("# HELP ")
        .append(latency)
        .append(" From a target health check to its pod condition patch (readiness gates).\n");
    out.append("# TYPE ").append(latency).append(" summary\n");
    out.append(latency).append("_sum ").append(podConditionMillis.get() / 1000.0).append('\n');
    out.append(latency).append("_count ").append(podConditions.get()).append('\n');
    gauge(out, "lbr_forwarder_queue_depth", "Events waiting to be published.", queueDepth.get());
    Instant oldest = oldestPending.get();
    double age = oldest == null ? 0 : Math.max(0, clock.millis() - oldest.toEpochMilli()) / 1000.0;
    gauge(
        out,
        "lbr_forwarder_oldest_pending_age_seconds",
        "Age of the oldest event waiting to be published (0 when none).",
        age);
    Instant inv = lastInventory.get();
    gauge(
        out,
        "lbr_forwarder_last_inventory_timestamp_seconds",
        "Unix time of the last published inventory (0 when none yet).",
        inv == null ? 0 : inv.getEpochSecond());
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, AtomicLong value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
    out.append(name).append(' ').append(value.get()).append('\n');
  }

  private static void gauge(StringBuilder out, String name, String help, Number value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" gauge\n");
    out.append(name).append(' ').append(value).append('\n');
  }
}
