package dev.lbr.forwarder.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes envelopes with PutEvents: batches of at most 10 entries within the request size limit;
 * entries that fail (per-entry error codes, or the whole call failing) are retried with exponential
 * backoff and full jitter ({@link Backoff}).
 *
 * <p>What "no event lost" means here: an entry rejected for good (malformed, not authorised) is
 * logged and counted as failed, and retrying would not help. An entry still failing for a transient
 * reason after the bounded attempts is logged, counted as failed for this round and handed back to
 * the coalescer, which keeps it queued (visible as queue depth and oldest pending age) and tries it
 * again on a later tick unless a newer change of the same object supersedes it. Only when the
 * process stops with such entries queued are they gone from this process; the next forwarder
 * re-lists (an upsert of every live object) and publishes an inventory (every deletion), which
 * carries the same information.
 */
public final class EventBridgePublisher implements EventPublisher {
  /** Error codes retrying cannot fix; everything else (throttling, internal errors) is retried. */
  static final Set<String> PERMANENT =
      Set.of(
          "InvalidArgument",
          "MalformedDetail",
          "AccessDeniedException",
          "NotAuthorizedForSourceException",
          "NotAuthorizedForDetailTypeException",
          "ValidationException");

  private final EventBridgeClient client;
  private final String bus;
  private final Backoff backoff;
  private final ForwarderMetrics metrics;

  public EventBridgePublisher(
      EventBridgeClient client, String bus, Backoff backoff, ForwarderMetrics metrics) {
    this.client = client;
    this.bus = bus;
    this.backoff = backoff;
    this.metrics = metrics;
  }

  private record Entry(OutgoingEvent event, PutEventsRequestEntry request, int size) {}

  @Override
  public List<OutgoingEvent> publish(List<OutgoingEvent> events) {
    List<Entry> remaining = new ArrayList<>();
    for (OutgoingEvent e : events) {
      PutEventsRequestEntry request = toEntry(e);
      remaining.add(new Entry(e, request, EntryBatches.size(request)));
    }
    for (int attempt = 1; attempt <= backoff.maxAttempts() && !remaining.isEmpty(); attempt++) {
      if (attempt > 1) {
        metrics.retried(remaining.size());
        if (!backoff.pause(attempt - 1)) {
          break;
        }
      }
      List<Entry> again = new ArrayList<>();
      for (List<Entry> batch : EntryBatches.split(remaining, Entry::size)) {
        again.addAll(send(batch));
      }
      remaining = again;
    }
    if (!remaining.isEmpty()) {
      metrics.failed(remaining.size());
      JsonLog.warn(
          "events not delivered after retries; kept queued",
          "count",
          remaining.size(),
          "attempts",
          backoff.maxAttempts(),
          "first",
          remaining.get(0).event().subject());
    }
    return remaining.stream().map(Entry::event).toList();
  }

  /** Sends one batch; returns the entries worth retrying. */
  private List<Entry> send(List<Entry> batch) {
    PutEventsResponse response;
    try {
      response =
          client.putEvents(
              PutEventsRequest.builder()
                  .entries(batch.stream().map(Entry::request).toList())
                  .build());
    } catch (SdkException e) {
      JsonLog.warn(
          "PutEvents failed", "entries", batch.size(), "bus", bus, "error", e.getMessage());
      return batch;
    }
    List<Entry> retry = new ArrayList<>();
    int ok = 0;
    List<PutEventsResultEntry> results = response.entries();
    for (int i = 0; i < batch.size(); i++) {
      PutEventsResultEntry r = i < results.size() ? results.get(i) : null;
      if (r != null && r.errorCode() == null && r.eventId() != null) {
        ok++;
      } else if (r != null && PERMANENT.contains(r.errorCode())) {
        metrics.failed(1);
        JsonLog.error(
            "event rejected by EventBridge",
            "object",
            batch.get(i).event().subject(),
            "errorCode",
            r.errorCode(),
            "errorMessage",
            r.errorMessage());
      } else {
        retry.add(batch.get(i));
      }
    }
    metrics.published(ok);
    JsonLog.info("PutEvents", "bus", bus, "entries", batch.size(), "published", ok);
    return retry;
  }

  private PutEventsRequestEntry toEntry(OutgoingEvent event) {
    try {
      JsonNode envelope = Json.mapper().readTree(event.envelope());
      var builder =
          PutEventsRequestEntry.builder()
              .eventBusName(bus)
              .source(envelope.path("source").asText())
              .detailType(envelope.path("detail-type").asText())
              .detail(Json.mapper().writeValueAsString(envelope.path("detail")));
      if (envelope.hasNonNull("time")) {
        builder.time(Instant.parse(envelope.path("time").asText()));
      }
      return builder.build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not a JSON envelope: " + event.subject(), e);
    }
  }
}
