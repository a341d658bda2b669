package dev.lbr.forwarder.publish;

import static dev.lbr.forwarder.publish.Objects.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.EventContract;
import dev.lbr.event.EventValidator;
import dev.lbr.event.Events;
import dev.lbr.event.Operation;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class EventBridgePublisherTest {
  final FakeEventBridge bus = new FakeEventBridge();
  final ForwarderMetrics metrics = new ForwarderMetrics(MutableClock.start());
  final List<Duration> slept = new ArrayList<>();
  final Backoff backoff =
      new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(5), () -> 1.0, slept::add);
  final EventBridgePublisher publisher = new EventBridgePublisher(bus, "lbr-bus", backoff, metrics);

  static List<OutgoingEvent> events(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i -> {
              var s = service("web", "svc-" + i, Integer.toString(100 + i));
              return new OutgoingEvent(
                  s.key(), s.key().toString(), Events.envelope("demo", s, Operation.UPSERT));
            })
        .toList();
  }

  @Test
  void twentyFiveEventsGoOutInThreeCallsOfAtMostTen() {
    List<OutgoingEvent> undelivered = publisher.publish(events(25));

    assertThat(undelivered).isEmpty();
    assertThat(bus.calls).extracting(c -> c.entries().size()).containsExactly(10, 10, 5);
    assertThat(metrics.published()).isEqualTo(25);
    EventValidator validator = new EventValidator("demo");
    assertThat(bus.entries())
        .allSatisfy(
            e -> {
              assertThat(e.eventBusName()).isEqualTo("lbr-bus");
              assertThat(e.source()).isEqualTo(EventContract.SOURCE);
              validator.parseEntry(e.source(), e.detailType(), e.detail());
            });
  }

  @Test
  void batchesStayWithinTheRequestSizeLimit() {
    List<OutgoingEvent> big = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      var s = service("web", "big-" + i, "1", Map.of("a", "x".repeat(100 * 1024)));
      big.add(new OutgoingEvent(s.key(), "big", Events.envelope("demo", s, Operation.UPSERT)));
    }
    publisher.publish(big);

    assertThat(bus.calls).hasSize(3);
    assertThat(bus.calls)
        .allSatisfy(
            c ->
                assertThat(c.entries().stream().mapToInt(EntryBatches::size).sum())
                    .isLessThanOrEqualTo(EventContract.MAX_EVENT_BYTES));
  }

  @Test
  void failedEntriesAloneAreRetriedWithGrowingJitteredBackoff() {
    // svc-3 and svc-7 are throttled on the first two calls' worth of attempts.
    bus.outcome =
        (call, entry) ->
            call <= 2 && (entry.detail().contains("svc-3") || entry.detail().contains("svc-7"))
                ? "ThrottlingException"
                : null;

    List<OutgoingEvent> undelivered = publisher.publish(events(10));

    assertThat(undelivered).isEmpty();
    assertThat(bus.calls).extracting(c -> c.entries().size()).containsExactly(10, 2, 2);
    assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(metrics.published()).isEqualTo(10);
    assertThat(metrics.retried()).isEqualTo(4);
    assertThat(metrics.failed()).isZero();
  }

  @Test
  void fullJitterPicksAWaitBetweenZeroAndTheCappedCeiling() {
    Backoff half =
        new Backoff(3, Duration.ofMillis(100), Duration.ofMillis(350), () -> 0.5, d -> {});
    assertThat(half.delay(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(half.delay(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(half.delay(3)).isEqualTo(Duration.ofMillis(175)); // capped at 350
  }

  @Test
  void entriesStillFailingAfterTheLastAttemptAreCountedAndHandedBack() {
    bus.outcome = (call, entry) -> entry.detail().contains("svc-1") ? "InternalFailure" : null;

    List<OutgoingEvent> undelivered = publisher.publish(events(3));

    assertThat(undelivered).extracting(OutgoingEvent::subject).containsExactly("Service web/svc-1");
    assertThat(bus.calls).hasSize(4);
    assertThat(metrics.failed()).isEqualTo(1);
    assertThat(metrics.published()).isEqualTo(2);
  }

  @Test
  void entriesRejectedForGoodAreNotRetried() {
    bus.outcome = (call, entry) -> entry.detail().contains("svc-0") ? "MalformedDetail" : null;

    List<OutgoingEvent> undelivered = publisher.publish(events(2));

    assertThat(undelivered).isEmpty();
    assertThat(bus.calls).hasSize(1);
    assertThat(metrics.failed()).isEqualTo(1);
  }

  @Test
  void aFailedCallIsRetriedAsAWhole() {
    bus.failCallsWith = SdkClientException.create("connection refused");
    bus.failingCalls = 2;

    assertThat(publisher.publish(events(3))).isEmpty();
    assertThat(bus.calls).extracting(c -> c.entries().size()).containsExactly(3, 3, 3);
    assertThat(metrics.published()).isEqualTo(3);
  }
}
