package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.event.Routing;
import dev.lbr.functions.SqsBatches;
import dev.lbr.k8s.Json;
import dev.lbr.testing.AwsEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Lambda's SQS event source as {@code lbr serve} plays it, on the emulator. */
class QueuePollerTest {
  private ServeClients clients;

  /** The records of the events the handler received, as JSON. */
  private final List<JsonNode> received = new ArrayList<>();

  private final PrintStream log = new PrintStream(new ByteArrayOutputStream());

  @BeforeEach
  void emulator() {
    AwsEmulator.reset();
    clients = ServeClients.of(AwsEmulator.endpoint(), AwsEmulator.region());
  }

  @AfterEach
  void close() {
    clients.close();
  }

  @Test
  void messagesReportedFailedStayForRedeliveryAndTheOthersAreDeleted() {
    String url = queue(Duration.ofMinutes(5));
    send(url, "ok-1", "bad", "ok-2");

    int handled = poller(url, failing("bad")).pollOnce(1);

    assertThat(handled).isEqualTo(3);
    assertThat(received).extracting(m -> m.path("body").asText()).contains("ok-1", "bad", "ok-2");
    assertThat(received)
        .allSatisfy(
            m -> {
              assertThat(m.path("eventSource").asText()).isEqualTo("aws:sqs");
              assertThat(m.path("eventSourceARN").asText()).endsWith(":poller-test");
              assertThat(m.path("awsRegion").asText()).isEqualTo(AwsEmulator.region());
              assertThat(m.path("receiptHandle").asText()).isNotBlank();
            });
    assertThat(counts(url)).containsEntry("visible", "0").containsEntry("in flight", "1");
  }

  @Test
  void aHandlerThatThrowsLeavesTheWholeBatchForRedelivery() {
    String url = queue(Duration.ofMinutes(5));
    send(url, "a", "b");
    RequestStreamHandler throwing =
        (event, response, context) -> {
          throw new IllegalStateException("DynamoDB unreachable");
        };

    poller(url, throwing).pollOnce(1);

    assertThat(counts(url)).containsEntry("visible", "0").containsEntry("in flight", "2");
  }

  @Test
  void aMessageThatKeepsFailingMovesToTheDeadLetterQueue() {
    String url = queue(Duration.ZERO); // a failed message is visible again at once
    send(url, "poison");
    QueuePoller poller = poller(url, failing("poison"));

    for (int i = 0; i < 3 * Routing.MAX_RECEIVE_COUNT && counts(url).get("dlq").equals("0"); i++) {
      poller.pollOnce(1);
    }

    assertThat(counts(url)).containsEntry("dlq", "1").containsEntry("visible", "0");
    assertThat(received).hasSizeGreaterThanOrEqualTo(Routing.MAX_RECEIVE_COUNT);
  }

  private String queue(Duration visibility) {
    return LocalDeployment.queue(
        clients.sqs(),
        new Routing.QueueSpec(
            "poller-test",
            visibility,
            Duration.ofDays(1),
            Routing.MAX_RECEIVE_COUNT,
            Duration.ofDays(1)));
  }

  private void send(String url, String... bodies) {
    for (String body : bodies) {
      clients.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body));
    }
  }

  private QueuePoller poller(String url, RequestStreamHandler handler) {
    return new QueuePoller("test", clients.sqs(), url, AwsEmulator.region(), handler, log);
  }

  /** Reports the messages with this body failed, as the handlers do for retryable errors. */
  private RequestStreamHandler failing(String body) {
    return (event, response, context) -> {
      List<JsonNode> records = new ArrayList<>();
      Json.mapper().readTree(event).path("Records").forEach(records::add);
      received.addAll(records);
      SqsBatches.writeResponse(
          new SqsBatches.Response(
              records.stream()
                  .filter(m -> m.path("body").asText().equals(body))
                  .map(m -> m.path("messageId").asText())
                  .toList()),
          response);
    };
  }

  private Map<String, String> counts(String url) {
    Map<QueueAttributeName, String> a =
        clients
            .sqs()
            .getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
            .attributes();
    String dlq = clients.sqs().getQueueUrl(b -> b.queueName("poller-test-dlq")).queueUrl();
    String dead =
        clients
            .sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(dlq)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    return Map.of(
        "visible", a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
        "in flight", a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
        "dlq", dead);
  }
}
