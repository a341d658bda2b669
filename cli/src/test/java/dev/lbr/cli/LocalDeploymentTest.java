package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.event.EventContract;
import dev.lbr.event.Routing;
import dev.lbr.k8s.Json;
import dev.lbr.testing.AwsEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** {@code lbr serve}'s AWS side on the emulator, made from {@link Routing}. */
class LocalDeploymentTest {
  private final Routing routing = Routing.of("serve");
  private ServeClients clients;

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
  void aSecondRunFindsWhatTheFirstMadeAndMakesNothingTwice() {
    LocalDeployment.Deployed first = LocalDeployment.create(clients, routing, "lbr-serve");
    LocalDeployment.Deployed second = LocalDeployment.create(clients, routing, "lbr-serve");

    assertThat(second).isEqualTo(first);
    // the two routes, the status and the health-check queues, and their DLQs
    assertThat(clients.sqs().listQueues().queueUrls()).hasSize(8);
    assertThat(clients.events().listRules(b -> b.eventBusName("lbr-serve")).rules())
        .hasSize(EventContract.detailTypes().size());
  }

  @Test
  void eachDetailTypeHasTheSharedPatternAndTargetsItsRoutesQueue() throws Exception {
    LocalDeployment.Deployed deployed = LocalDeployment.create(clients, routing, "lbr-serve");

    for (Rule rule : clients.events().listRules(b -> b.eventBusName("lbr-serve")).rules()) {
      Routing.Route route = routing.routeOf(rule.name());
      assertThat(Json.mapper().readTree(rule.eventPattern()))
          .isEqualTo(Json.mapper().readTree(routing.pattern(rule.name()).toJson()));
      assertThat(
              clients
                  .events()
                  .listTargetsByRule(b -> b.rule(rule.name()).eventBusName("lbr-serve"))
                  .targets())
          .singleElement()
          .satisfies(
              t ->
                  assertThat(t.arn())
                      .isEqualTo(
                          LocalDeployment.arn(
                              clients.sqs(), deployed.queueUrls().get(route.id()))));
    }
  }

  @Test
  void everyQueueRedrivesToItsDeadLetterQueueAfterFiveReceives() throws Exception {
    LocalDeployment.Deployed deployed = LocalDeployment.create(clients, routing, "lbr-serve");
    List<String> queues = new ArrayList<>(deployed.queueUrls().values());
    queues.add(deployed.statusQueueUrl());
    assertThat(deployed.statusQueueUrl()).endsWith("/lbr-serve-status");

    for (String url : queues) {
      Map<QueueAttributeName, String> attributes =
          clients
              .sqs()
              .getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
              .attributes();
      JsonNode redrive = Json.mapper().readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
      String dlq = clients.sqs().getQueueUrl(b -> b.queueName(name(url) + "-dlq")).queueUrl();
      assertThat(redrive.path("deadLetterTargetArn").asText())
          .isEqualTo(LocalDeployment.arn(clients.sqs(), dlq));
      assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
      assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT))
          .isEqualTo(url.equals(deployed.statusQueueUrl()) ? "60" : "540");
    }
  }

  @Test
  void eventsOfThisClusterLandInTheirRoutesQueueAndOthersNowhere() {
    LocalDeployment.Deployed deployed = LocalDeployment.create(clients, routing, "lbr-serve");

    put("Service", "serve");
    put("EndpointSlice", "serve");
    put("Service", "another-cluster");

    assertThat(detailTypes(deployed.queueUrls().get(Routing.RECONCILE))).containsExactly("Service");
    assertThat(detailTypes(deployed.queueUrls().get(Routing.TARGETS)))
        .containsExactly("EndpointSlice");
  }

  private void put(String detailType, String cluster) {
    var response =
        clients
            .events()
            .putEvents(
                b ->
                    b.entries(
                        e ->
                            e.eventBusName("lbr-serve")
                                .source(EventContract.SOURCE)
                                .detailType(detailType)
                                .detail("{\"cluster\":\"" + cluster + "\"}")));
    assertThat(response.failedEntryCount()).isZero();
  }

  /** The detail-types of every message the queue holds. */
  private List<String> detailTypes(String url) {
    List<Message> messages =
        clients
            .sqs()
            .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
            .messages();
    return messages.stream()
        .map(m -> Json.read(m.body(), JsonNode.class).path("detail-type").asText())
        .toList();
  }

  private static String name(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }
}
