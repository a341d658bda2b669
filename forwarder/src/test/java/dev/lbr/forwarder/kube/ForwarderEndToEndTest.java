package dev.lbr.forwarder.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.forwarder.BusToQueue;
import dev.lbr.forwarder.Forwarder;
import dev.lbr.forwarder.ForwarderOptions;
import dev.lbr.functions.ReconcileHandler;
import dev.lbr.functions.SqsBatches;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.DynamoDbLocal;
import dev.lbr.testing.ExpectedState;
import dev.lbr.testing.RepoPaths;
import dev.lbr.testing.Scenario;
import dev.lbr.testing.Wired;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The whole path, in one process: objects created through the (fake) Kubernetes API → the
 * forwarder's entry point ({@link Forwarder} with {@link KubeChangeSource}: Lease election,
 * informers, filter, coalescer, EventBridge publisher) → PutEvents on the emulator → a rule on the
 * contract's source → an SQS queue → the reconcile function → the load balancer in the emulator.
 * Scenario 01 (an IP NLB): step 1 creates it, steps 2 and 3 scale the EndpointSlice down and up,
 * step 4 deletes the Service and its EndpointSlice. The scenario's network (its pods' ENIs) is
 * built first, as a real cluster has it.
 */
class ForwarderEndToEndTest {
  /** The scenarios' cluster: their network.json and expected files spell it out. */
  static final String CLUSTER = "scen";

  static final String BUS = "lbr-e2e-bus";
  static final Path SCENARIO = RepoPaths.scenarios().resolve("01-echo-nlb");

  Scenario scenario;
  FakeKubeApiServer api;
  EventBridgeClient events;
  SqsClient sqs;
  String queueUrl;
  Wired lbr;
  ReconcileHandler reconcile;
  Forwarder forwarder;
  final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void wire(@TempDir Path dir) throws Exception {
    AwsEmulator.reset();
    var clients = AwsEmulator.clients();
    EmulatorWorld.World world = EmulatorWorld.prepare(clients.ec2(), clients.acm(), CLUSTER);
    scenario = Scenario.prepare(SCENARIO, clients, world);
    lbr =
        Wired.of(
            new LbrConfig(
                CLUSTER,
                AwsEmulator.region(),
                AwsEmulator.endpoint(),
                DynamoDbLocal.freshTable(),
                world.vpcId()),
            clients,
            DynamoDbLocal.client(),
            Clock.systemUTC());
    reconcile = new ReconcileHandler(lbr.processor(EnumSet.allOf(Kind.class)));

    BusToQueue bus = BusToQueue.create(BUS, "lbr-reconcile");
    events = bus.events();
    sqs = bus.sqs();
    queueUrl = bus.queueUrl();

    api = new FakeKubeApiServer();
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(kubeconfig, api.kubeconfig());
  }

  Path kubeconfig;

  /**
   * The forwarder's entry point configured as the Deployment in forwarder/deploy/ configures it
   * (environment variables only), plus the emulator endpoint and a kubeconfig for the fake API.
   */
  void startForwarder() throws Exception {
    Map<String, String> env =
        Map.of(
            "CLUSTER_NAME",
            CLUSTER,
            "EVENT_BUS_NAME",
            BUS,
            "AWS_REGION",
            AwsEmulator.region(),
            "LBR_ENDPOINT",
            AwsEmulator.endpoint().toString(),
            "KUBECONFIG",
            kubeconfig.toString(),
            "HTTP_PORT",
            "0",
            "COALESCE_WINDOW",
            "200ms");
    ForwarderOptions options = ForwarderOptions.parse(new String[0], env);
    forwarder =
        new Forwarder(
            options,
            new KubeChangeSource(
                Map.of("POD_NAME", "lbr-forwarder-0", "POD_NAMESPACE", "lbr-system"), log::add),
            Clock.systemUTC());
  }

  @AfterEach
  void close() throws Exception {
    if (forwarder != null) {
      forwarder.close();
    }
    if (api != null) {
      api.close();
    }
    if (events != null) {
      events.close();
    }
    if (sqs != null) {
      sqs.close();
    }
  }

  @Test
  void scenario01NlbIsCreatedScaledAndDeletedThroughTheForwarder() throws Exception {
    // step 1: the Service and its EndpointSlice exist before the forwarder starts (initial list)
    applyStep(1);
    startForwarder();
    deliverUntilConverged("step1.expected.json");
    assertThat(api.leaseHolder("lbr-system", "lbr-forwarder")).isEqualTo("lbr-forwarder-0");
    HttpResponse<String> ready =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + forwarder.httpPort() + "/readyz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);

    // steps 2–4 go through the watch: scale down, scale up, then everything deleted
    for (int step = 2; step <= 4; step++) {
      applyStep(step);
      deliverUntilConverged("step" + step + ".expected.json");
    }
  }

  /** Objects present so far (kind, namespace, name). */
  private final Set<List<String>> present = new HashSet<>();

  /**
   * Makes the fake cluster hold exactly the step's objects: each is created or replaced, and an
   * object of an earlier step that is absent now is deleted.
   */
  void applyStep(int step) throws IOException {
    Set<List<String>> now = new HashSet<>();
    for (ObjectNode o : objects(scenario.step(step))) {
      api.apply(resource(o), o);
      now.add(id(o));
    }
    for (List<String> gone : present) {
      if (!now.contains(gone)) {
        api.delete(resource(gone.get(0)), gone.get(1), gone.get(2));
      }
    }
    present.clear();
    present.addAll(now);
  }

  static List<String> id(ObjectNode o) {
    JsonNode meta = o.path("metadata");
    return List.of(
        o.path("kind").asText(), meta.path("namespace").asText(), meta.path("name").asText());
  }

  /**
   * Polls the queue and hands every batch to the reconcile function, until the state in the
   * emulator is exactly the expected one (or the deadline passes, failing with the differences).
   */
  void deliverUntilConverged(String expectedFile) {
    JsonNode expected = scenario.expected(SCENARIO.resolve(expectedFile));
    Instant deadline = Instant.now().plusSeconds(60);
    List<String> differences = ExpectedState.differences(expected, lbr.describe());
    int delivered = 0;
    while (!differences.isEmpty() && Instant.now().isBefore(deadline)) {
      List<Message> messages =
          sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      if (!messages.isEmpty()) {
        SqsBatches.Response response = SqsBatches.invoke(reconcile, records(messages));
        assertThat(response.batchItemFailures())
            .as("failed messages for %s; forwarder log %s", expectedFile, log)
            .isEmpty();
        for (Message m : messages) {
          sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
        delivered += messages.size();
      }
      differences = ExpectedState.differences(expected, lbr.describe());
    }
    assertThat(differences)
        .as("differences from %s after %d messages; forwarder log %s", expectedFile, delivered, log)
        .isEmpty();
    assertThat(delivered).as("messages delivered for %s", expectedFile).isPositive();
  }

  static List<SqsBatches.Record> records(List<Message> messages) {
    return messages.stream()
        .map(
            m ->
                new SqsBatches.Record(m.messageId(), m.receiptHandle(), m.body(), null, null, null))
        .toList();
  }

  /** The scenario's objects as raw JSON, without the fields the API server owns. */
  static List<ObjectNode> objects(String yamlText) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<ObjectNode> out = new ArrayList<>();
    try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(yamlText)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc instanceof ObjectNode o && o.size() > 0) {
          ObjectNode meta = o.with("metadata");
          meta.remove("resourceVersion");
          meta.remove("uid");
          out.add(o);
        }
      }
    }
    return out;
  }

  static FakeKubeApiServer.Resource resource(ObjectNode o) {
    return resource(o.path("kind").asText());
  }

  static FakeKubeApiServer.Resource resource(String kind) {
    return FakeKubeApiServer.ofKind(kind);
  }
}
