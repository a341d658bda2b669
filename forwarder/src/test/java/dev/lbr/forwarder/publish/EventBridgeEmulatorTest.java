package dev.lbr.forwarder.publish;

import static dev.lbr.forwarder.publish.Objects.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.ClusterEvent;
import dev.lbr.event.EventValidator;
import dev.lbr.event.InventoryEvent;
import dev.lbr.event.ObjectEvent;
import dev.lbr.event.Operation;
import dev.lbr.forwarder.BusToQueue;
import dev.lbr.k8s.Kind;
import dev.lbr.k8s.ObjectKey;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Published events reach an SQS queue through a rule on the contract's source, and are valid. */
class EventBridgeEmulatorTest {
  static final String BUS = "lbr-test-bus";
  EventBridgeClient events;
  SqsClient sqs;
  String queueUrl;

  @BeforeEach
  void busRuleAndQueue() {
    AwsEmulator.reset();
    BusToQueue bus = BusToQueue.create(BUS, "reconcile");
    events = bus.events();
    sqs = bus.sqs();
    queueUrl = bus.queueUrl();
  }

  @AfterEach
  void close() {
    events.close();
    sqs.close();
  }

  @Test
  void coalescedEventsArriveInTheQueueAndTheValidatorAcceptsThem() {
    MutableClock clock = MutableClock.start();
    ForwarderMetrics metrics = new ForwarderMetrics(clock);
    Backoff backoff =
        new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(50), Math::random, d -> {});
    Coalescer coalescer =
        new Coalescer(
            "demo",
            Duration.ofSeconds(1),
            clock,
            new EventBridgePublisher(events, BUS, backoff, metrics),
            metrics);
    for (int i = 0; i < 12; i++) {
      coalescer.upsert(service("web", "svc-" + i, Integer.toString(200 + i)));
    }
    coalescer.upsert(service("web", "svc-0", "300"));
    coalescer.delete(new ObjectKey(Kind.SERVICE, "web", "svc-1"), "301", null);
    coalescer.inventory(
        Map.of(Kind.SERVICE, Set.of(new ObjectKey(Kind.SERVICE, "web", "svc-0"))), "100");
    coalescer.flush();

    assertThat(metrics.published()).isEqualTo(13);
    List<ClusterEvent> received = receive(13);
    EventValidator validator = new EventValidator("demo");
    assertThat(received).hasSize(13);
    assertThat(received).filteredOn(InventoryEvent.class::isInstance).hasSize(1);
    assertThat(received)
        .filteredOn(ObjectEvent.class::isInstance)
        .map(ObjectEvent.class::cast)
        .filteredOn(e -> e.key().name().equals("svc-0") || e.key().name().equals("svc-1"))
        .extracting(ObjectEvent::op, ObjectEvent::resourceVersion)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Operation.UPSERT, "300"),
            org.assertj.core.groups.Tuple.tuple(Operation.DELETE, "301"));
    assertThat(validator.cluster()).isEqualTo("demo");
  }

  private List<ClusterEvent> receive(int expected) {
    EventValidator validator = new EventValidator("demo");
    List<ClusterEvent> out = new ArrayList<>();
    for (int round = 0; round < 20 && out.size() < expected; round++) {
      List<Message> messages =
          sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      for (Message m : messages) {
        out.add(validator.parse(m.body()));
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
    return out;
  }
}
