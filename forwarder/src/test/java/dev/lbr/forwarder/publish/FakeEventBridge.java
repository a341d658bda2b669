package dev.lbr.forwarder.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * An EventBridge that records PutEvents calls and answers each entry as {@code outcome} says: (call
 * number, entry) → null for accepted, or an error code.
 */
final class FakeEventBridge implements EventBridgeClient {
  final List<PutEventsRequest> calls = new ArrayList<>();
  BiFunction<Integer, PutEventsRequestEntry, String> outcome = (call, entry) -> null;
  RuntimeException failCallsWith;
  int failingCalls;

  @Override
  public PutEventsResponse putEvents(PutEventsRequest request) {
    calls.add(request);
    if (failingCalls > 0) {
      failingCalls--;
      throw failCallsWith;
    }
    List<PutEventsResultEntry> results = new ArrayList<>();
    int failed = 0;
    for (PutEventsRequestEntry entry : request.entries()) {
      String code = outcome.apply(calls.size(), entry);
      if (code == null) {
        results.add(PutEventsResultEntry.builder().eventId("id-" + results.size()).build());
      } else {
        failed++;
        results.add(
            PutEventsResultEntry.builder().errorCode(code).errorMessage("fake " + code).build());
      }
    }
    return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
  }

  List<PutEventsRequestEntry> entries() {
    return calls.stream().flatMap(c -> c.entries().stream()).toList();
  }

  @Override
  public String serviceName() {
    return "events";
  }

  @Override
  public void close() {}
}
