package dev.lbr.forwarder.publish;

import dev.lbr.event.EventContract;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Splits PutEvents entries into requests of at most {@value #MAX_ENTRIES} entries and at most
 * {@link EventContract#MAX_EVENT_BYTES} in total, counted as EventBridge does (time 14 bytes, plus
 * source, detail-type, detail and resources in UTF-8).
 */
final class EntryBatches {
  static final int MAX_ENTRIES = 10;
  static final int TIME_BYTES = 14;

  private EntryBatches() {}

  static <T> List<List<T>> split(List<T> items, java.util.function.Function<T, Integer> size) {
    List<List<T>> batches = new ArrayList<>();
    List<T> current = new ArrayList<>();
    long bytes = 0;
    for (T item : items) {
      int s = size.apply(item);
      if (!current.isEmpty()
          && (current.size() == MAX_ENTRIES || bytes + s > EventContract.MAX_EVENT_BYTES)) {
        batches.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(item);
      bytes += s;
    }
    if (!current.isEmpty()) {
      batches.add(current);
    }
    return batches;
  }

  static int size(PutEventsRequestEntry e) {
    int size = e.time() == null ? 0 : TIME_BYTES;
    size += utf8(e.source()) + utf8(e.detailType()) + utf8(e.detail());
    if (e.hasResources()) {
      for (String r : e.resources()) {
        size += utf8(r);
      }
    }
    return size;
  }

  private static int utf8(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
