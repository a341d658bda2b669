package dev.lbr.forwarder.publish;

import static dev.lbr.forwarder.publish.Objects.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.ClusterEvent;
import dev.lbr.event.EventValidator;
import dev.lbr.event.InventoryEvent;
import dev.lbr.event.ObjectEvent;
import dev.lbr.event.Operation;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoalescerTest {
  static final Duration WINDOW = Duration.ofSeconds(1);
  final MutableClock clock = MutableClock.start();
  final ForwarderMetrics metrics = new ForwarderMetrics(clock);
  final RecordingPublisher publisher = new RecordingPublisher();
  final Coalescer coalescer = new Coalescer("demo", WINDOW, clock, publisher, metrics);
  final EventValidator validator = new EventValidator("demo");

  List<ClusterEvent> published() {
    return publisher.published.stream().map(e -> validator.parse(e.envelope())).toList();
  }

  @Test
  void aHundredUpdatesInsideTheWindowPublishOneEventWithTheFinalState() {
    for (int i = 1; i <= 100; i++) {
      coalescer.upsert(service("web", "echo", Integer.toString(1000 + i)));
      clock.advance(Duration.ofMillis(5));
      coalescer.tick();
    }
    assertThat(publisher.published).isEmpty();
    assertThat(metrics.coalesced()).isEqualTo(99);

    clock.advance(WINDOW);
    coalescer.tick();

    assertThat(published()).hasSize(1);
    ObjectEvent event = (ObjectEvent) published().get(0);
    assertThat(event.op()).isEqualTo(Operation.UPSERT);
    assertThat(event.resourceVersion()).isEqualTo("1100");
    assertThat(coalescer.depth()).isZero();
  }

  @Test
  void nothingIsReleasedBeforeTheWindowHasPassed() {
    coalescer.upsert(service("web", "echo", "1"));
    clock.advance(WINDOW.minusMillis(1));
    coalescer.tick();
    assertThat(publisher.published).isEmpty();
    assertThat(coalescer.depth()).isEqualTo(1);
    assertThat(coalescer.oldestPending()).isEqualTo(clock.instant().minus(WINDOW.minusMillis(1)));

    clock.advance(Duration.ofMillis(1));
    coalescer.tick();
    assertThat(publisher.published).hasSize(1);
  }

  @Test
  void aDeleteAfterAnUpsertInTheWindowIsTheDelete() {
    coalescer.upsert(service("web", "echo", "5"));
    coalescer.delete(new ObjectKey(Kind.SERVICE, "web", "echo"), "6", service("web", "echo", "5"));
    clock.advance(WINDOW);
    coalescer.tick();

    ObjectEvent event = (ObjectEvent) published().get(0);
    assertThat(published()).hasSize(1);
    assertThat(event.op()).isEqualTo(Operation.DELETE);
    assertThat(event.resourceVersion()).isEqualTo("6");
  }

  @Test
  void aDeleteWithoutLastStateIsPublishedWithTheKey() {
    coalescer.delete(new ObjectKey(Kind.SERVICE, "web", "echo"), "9", null);
    coalescer.flush();
    ObjectEvent event = (ObjectEvent) published().get(0);
    assertThat(event.op()).isEqualTo(Operation.DELETE);
    assertThat(event.key()).isEqualTo(new ObjectKey(Kind.SERVICE, "web", "echo"));
  }

  @Test
  void anUpsertAfterADeleteIsTheUpsert() {
    coalescer.delete(new ObjectKey(Kind.SERVICE, "web", "echo"), "6", null);
    coalescer.upsert(service("web", "echo", "7"));
    clock.advance(WINDOW);
    coalescer.tick();

    assertThat(published())
        .singleElement()
        .satisfies(e -> assertThat(((ObjectEvent) e).op()).isEqualTo(Operation.UPSERT));
  }

  @Test
  void everyKeyIsPublishedOnceWhateverTheOrder() {
    for (int round = 0; round < 3; round++) {
      for (String name : List.of("c", "a", "b")) {
        coalescer.upsert(service("web", name, Integer.toString(10 * round + name.charAt(0))));
      }
    }
    clock.advance(WINDOW);
    coalescer.tick();

    assertThat(published())
        .map(e -> ((ObjectEvent) e).key().name())
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(metrics.coalesced()).isEqualTo(6);
  }

  @Test
  void flushPublishesEverythingPendingWithoutWaiting() {
    coalescer.upsert(service("web", "a", "1"));
    coalescer.delete(new ObjectKey(Kind.SERVICE, "web", "b"), "2", null);
    coalescer.flush();
    assertThat(published()).hasSize(2);
    assertThat(coalescer.depth()).isZero();
  }

  @Test
  void undeliveredEventsStayQueuedAndGoOutOnALaterTick() {
    publisher.refuseRounds = 1;
    coalescer.delete(new ObjectKey(Kind.SERVICE, "web", "gone"), "3", null);
    clock.advance(WINDOW);
    coalescer.tick();
    assertThat(publisher.published).isEmpty();
    assertThat(coalescer.depth()).isEqualTo(1);

    coalescer.tick();
    assertThat(published())
        .singleElement()
        .satisfies(e -> assertThat(((ObjectEvent) e).op()).isEqualTo(Operation.DELETE));
    assertThat(coalescer.depth()).isZero();
  }

  @Test
  void aQueuedRetryIsDroppedWhenANewerChangeOfTheObjectIsPending() {
    publisher.refuseRounds = 1;
    coalescer.upsert(service("web", "echo", "1"));
    clock.advance(WINDOW);
    coalescer.tick();
    coalescer.upsert(service("web", "echo", "2"));
    coalescer.tick();
    assertThat(publisher.published).isEmpty();
    clock.advance(WINDOW);
    coalescer.tick();

    assertThat(published())
        .singleElement()
        .satisfies(e -> assertThat(((ObjectEvent) e).resourceVersion()).isEqualTo("2"));
  }

  @Test
  void anObjectTooLargeForOneEventIsReportedAndTheOthersStillGoOut() {
    coalescer.upsert(service("web", "huge", "1", Map.of("big", "x".repeat(300 * 1024))));
    coalescer.upsert(service("web", "small", "2"));
    coalescer.flush();

    assertThat(published())
        .singleElement()
        .satisfies(e -> assertThat(((ObjectEvent) e).key().name()).isEqualTo("small"));
    assertThat(metrics.oversized()).isEqualTo(1);
    assertThat(metrics.render()).contains("lbr_forwarder_events_oversized_total 1");
  }

  @Test
  void aTooLargeDeleteStillGoesOutWithTheKeyOnly() {
    var huge = service("web", "huge", "1", Map.of("big", "x".repeat(300 * 1024)));
    coalescer.delete(huge.key(), "2", huge);
    coalescer.flush();

    ObjectEvent event = (ObjectEvent) published().get(0);
    assertThat(event.op()).isEqualTo(Operation.DELETE);
    assertThat(event.resourceVersion()).isEqualTo("2");
  }

  @Test
  void theInventoryCarriesTheVersionItsListingsAreCompleteUpTo() {
    coalescer.upsert(service("web", "a", "120"));
    coalescer.flush();
    coalescer.inventory(
        Map.of(Kind.SERVICE, Set.of(new ObjectKey(Kind.SERVICE, "web", "a")), Kind.NODE, Set.of()),
        "150");
    coalescer.tick();

    InventoryEvent inventory = (InventoryEvent) published().get(1);
    assertThat(inventory.resourceVersion()).isEqualTo("150");
    assertThat(inventory.namespaces()).isEmpty();
    assertThat(inventory.showsDeleted(new ObjectKey(Kind.SERVICE, "web", "gone"), "140")).isTrue();
    assertThat(metrics.render())
        .doesNotContain("lbr_forwarder_last_inventory_timestamp_seconds 0\n");
  }

  @Test
  void aForwarderWatchingSomeNamespacesSaysSoInItsInventory() {
    Coalescer scoped =
        new Coalescer("demo", Set.of("web"), WINDOW, clock, publisher, new ForwarderMetrics(clock));
    scoped.inventory(Map.of(Kind.SERVICE, Set.of(new ObjectKey(Kind.SERVICE, "web", "a"))), "150");
    scoped.tick();

    InventoryEvent inventory = (InventoryEvent) published().get(0);
    assertThat(inventory.namespaces()).containsExactly("web");
    assertThat(inventory.showsDeleted(new ObjectKey(Kind.SERVICE, "shop", "api"), "1"))
        .as("not a watched namespace")
        .isFalse();
  }

  @Test
  void anInventoryTooLargeForOneEventIsSplitByKind() {
    Set<ObjectKey> slices = new java.util.HashSet<>();
    Set<ObjectKey> services = new java.util.HashSet<>();
    for (int i = 0; i < 3000; i++) {
      slices.add(new ObjectKey(Kind.ENDPOINT_SLICE, "web", "slice-" + "s".repeat(30) + i));
      services.add(new ObjectKey(Kind.SERVICE, "web", "service-" + "s".repeat(30) + i));
    }
    coalescer.inventory(Map.of(Kind.ENDPOINT_SLICE, slices, Kind.SERVICE, services), "100");
    coalescer.tick();

    assertThat(published())
        .hasSize(2)
        .allSatisfy(e -> assertThat(e).isInstanceOf(InventoryEvent.class));
  }

  @Test
  void anUndeliveredEventKeepsItsAgeAndAnOldInventoryGivesWayToANewerOne() {
    publisher.refuseRounds = 1;
    coalescer.upsert(service("web", "a", "1"));
    coalescer.inventory(Map.of(Kind.SERVICE, Set.of()), "100");
    clock.advance(WINDOW);
    coalescer.tick();
    assertThat(coalescer.oldestPending()).isEqualTo(clock.instant().minus(WINDOW));

    coalescer.inventory(
        Map.of(Kind.SERVICE, Set.of(new ObjectKey(Kind.SERVICE, "web", "a"))), "100");
    coalescer.tick();

    assertThat(published()).hasSize(2);
    assertThat(published())
        .filteredOn(InventoryEvent.class::isInstance)
        .singleElement()
        .satisfies(e -> assertThat(((InventoryEvent) e).keysOf(Kind.SERVICE)).hasSize(1));
  }
}
