package dev.lbr.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.EventContract;
import dev.lbr.state.StateTable;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The synthesized template on moto's CloudFormation: it reaches CREATE_COMPLETE, and every sample
 * in {@code events/} put on the deployed bus lands in its kind's queue and nowhere else.
 *
 * <p>moto gaps (real AWS differs; nothing here asserts them): Lambda functions cannot run (no
 * Docker), so the event source mappings are paused after the deploy and the queues are read
 * directly; moto's CloudFormation skips the resource types it does not model (the archive, the bus
 * policy, the dashboard, the Pod Identity association, log groups) with a warning, so their
 * properties are covered by the Template assertions only.
 */
class DeployToMotoTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path outdir;

  private static MotoDeployment.Deployed deployed;
  private static EventBridgeClient events;
  private static SqsClient sqs;

  @BeforeAll
  static void deploy() throws Exception {
    AwsEmulator.reset();
    MotoDeployment moto = new MotoDeployment();
    deployed =
        moto.deploy(Map.of("clusterName", TestStacks.CLUSTER, "vpcId", TestStacks.VPC), outdir);
    assertThat(deployed.stack().stackStatusAsString())
        .as(deployed.stack().stackStatusReason())
        .isEqualTo("CREATE_COMPLETE");
    // the two routes and the targets function's health checks
    assertThat(moto.pauseEventSourceMappings()).hasSize(3);
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    events =
        EventBridgeClient.builder()
            .endpointOverride(AwsEmulator.endpoint())
            .region(Region.of(AwsEmulator.region()))
            .credentialsProvider(credentials)
            .build();
    sqs =
        SqsClient.builder()
            .endpointOverride(AwsEmulator.endpoint())
            .region(Region.of(AwsEmulator.region()))
            .credentialsProvider(credentials)
            .build();
  }

  @Test
  void theTemplateDeploysWithItsOutputs() {
    assertThat(deployed.stack().stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
    assertThat(deployed.output("EventBusName")).isNotBlank();
    assertThat(deployed.output("ForwarderRoleArn")).contains(":role/");
    assertThat(deployed.output("ForwarderManifest"))
        .contains("value: " + deployed.output("EventBusName"))
        .contains("value: " + AwsEmulator.region())
        .contains("value: " + deployed.output("StatusQueueUrl"))
        .doesNotContain(
            "REPLACE_WITH_EVENT_BUS_NAME",
            "REPLACE_WITH_AWS_REGION",
            "REPLACE_WITH_STATUS_QUEUE_URL");
  }

  @Test
  void theStatusQueueOfTheOutputsRedrivesToItsDeadLetterQueue() throws Exception {
    String queue = deployed.output("StatusQueueUrl");
    Map<QueueAttributeName, String> attributes =
        sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.ALL))
            .attributes();
    JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
    String dlqArn =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(deployed.physicalId("StatusDlq"))
                        .attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    assertThat(deployed.physicalId("StatusQueue")).isEqualTo(queue);
    assertThat(redrive.path("deadLetterTargetArn").asText()).isEqualTo(dlqArn);
    assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
    assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("60");
  }

  @Test
  void theDeployedTableIsOneTheStateCodeAccepts() {
    String table = deployed.physicalId("StateTable");
    try (DynamoDbClient ddb =
        DynamoDbClient.builder()
            .endpointOverride(AwsEmulator.endpoint())
            .region(Region.of(AwsEmulator.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build()) {
      // refuses a table without the local index; creates nothing when the table exists
      StateTable.createIfMissing(ddb, table);
      TableDescription d = ddb.describeTable(b -> b.tableName(table)).table();
      assertThat(d.keySchema())
          .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
          .containsExactly(StateTable.PK + ":HASH", StateTable.SK + ":RANGE");
      assertThat(d.localSecondaryIndexes())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.indexName()).isEqualTo(StateTable.LSI1);
                assertThat(i.keySchema())
                    .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactly(StateTable.PK + ":HASH", StateTable.LSI1_SK + ":RANGE");
              });
      assertThat(d.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
      assertThat(ddb.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription())
          .satisfies(ttl -> assertThat(ttl.attributeName()).isEqualTo(StateTable.EXPIRES_AT));
    }
  }

  @Test
  void theDeployedQueuesRedriveToTheirDeadLetterQueues() throws Exception {
    for (String route : List.of("RECONCILE", "TARGETS")) {
      String queue = deployed.physicalId("Ingress" + route + "Queue");
      String dlqArn =
          sqs.getQueueAttributes(
                  b ->
                      b.queueUrl(deployed.physicalId("Ingress" + route + "Dlq"))
                          .attributeNames(QueueAttributeName.QUEUE_ARN))
              .attributes()
              .get(QueueAttributeName.QUEUE_ARN);
      Map<QueueAttributeName, String> attributes =
          sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.ALL))
              .attributes();
      JsonNode redrive = JSON.readTree(attributes.get(QueueAttributeName.REDRIVE_POLICY));
      assertThat(redrive.path("deadLetterTargetArn").asText()).isEqualTo(dlqArn);
      assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
      assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("540");
    }
  }

  @Test
  void everySampleLandsInItsKindsQueueAndNowhereElse() throws Exception {
    String bus = deployed.output("EventBusName");
    Map<String, JsonNode> samples = samples();
    assertThat(samples.keySet().stream().map(f -> samples.get(f).path("detail-type").asText()))
        .containsAll(EventContract.detailTypes());
    for (JsonNode sample : samples.values()) {
      put(bus, sample);
    }
    // Not for these functions: another cluster's event, and one from another source.
    ObjectNode otherCluster = samples.get("service-upsert.json").deepCopy();
    ((ObjectNode) otherCluster.path("detail")).put("cluster", "another-cluster");
    put(bus, otherCluster);
    ObjectNode otherSource = samples.get("service-upsert.json").deepCopy();
    otherSource.put("source", "someone.else");
    put(bus, otherSource);

    Map<String, List<String>> landed = new TreeMap<>();
    for (String queue : List.of("RECONCILEQueue", "TARGETSQueue", "RECONCILEDlq", "TARGETSDlq")) {
      landed.put(queue, drain(deployed.physicalId("Ingress" + queue)));
    }

    Map<String, List<String>> expected = new TreeMap<>();
    expected.put("RECONCILEDlq", new ArrayList<>());
    expected.put("TARGETSDlq", new ArrayList<>());
    expected.put("RECONCILEQueue", new ArrayList<>());
    expected.put("TARGETSQueue", new ArrayList<>());
    samples.forEach(
        (file, sample) -> {
          boolean targets =
              EventContract.targetDetailTypes().contains(sample.path("detail-type").asText());
          expected.get(targets ? "TARGETSQueue" : "RECONCILEQueue").add(identity(sample));
        });
    expected.values().forEach(l -> l.sort(null));
    landed.values().forEach(l -> l.sort(null));
    assertThat(landed).isEqualTo(expected);
  }

  private static void put(String bus, JsonNode sample) throws Exception {
    String detail = JSON.writeValueAsString(sample.path("detail"));
    PutEventsResponse response =
        events.putEvents(
            b ->
                b.entries(
                    PutEventsRequestEntry.builder()
                        .eventBusName(bus)
                        .source(sample.path("source").asText())
                        .detailType(sample.path("detail-type").asText())
                        .detail(detail)
                        .build()));
    assertThat(response.failedEntryCount()).isZero();
  }

  /** Every message of the queue, as the identity of the event it carries. */
  private static List<String> drain(String queueUrl) throws Exception {
    List<String> found = new ArrayList<>();
    int emptyReads = 0;
    while (emptyReads < 2) {
      List<Message> messages =
          sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      if (messages.isEmpty()) {
        emptyReads++;
      }
      for (Message m : messages) {
        found.add(identity(JSON.readTree(m.body())));
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
    return found;
  }

  /** detail-type, operation, namespace/name (and resourceVersion): unique among the samples. */
  private static String identity(JsonNode envelope) {
    JsonNode d = envelope.path("detail");
    return envelope.path("detail-type").asText()
        + " "
        + d.path("operation").asText("-")
        + " "
        + d.path("namespace").asText("")
        + "/"
        + d.path("name").asText("")
        + "@"
        + d.path("resourceVersion").asText()
        + " cluster="
        + d.path("cluster").asText();
  }

  private static Map<String, JsonNode> samples() throws Exception {
    Map<String, JsonNode> samples = new HashMap<>();
    try (Stream<Path> files = Files.list(RepoPaths.events())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        samples.put(f.getFileName().toString(), JSON.readTree(f.toFile()));
      }
    }
    assertThat(samples).hasSizeGreaterThanOrEqualTo(13);
    return samples;
  }
}
