package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.aws.AwsClients;
import dev.lbr.aws.CallCounter;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.emulator.NetworkSpec;
import dev.lbr.event.EventContract;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.manifest.Manifests;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.DynamoDbLocal;
import dev.lbr.testing.ExpectedState;
import dev.lbr.testing.ForwarderSimulator;
import dev.lbr.testing.MutableClock;
import dev.lbr.testing.RepoPaths;
import dev.lbr.testing.Scenario;
import dev.lbr.testing.ScenarioKeys;
import dev.lbr.testing.Wired;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One emulated account and cluster, wired exactly like the Lambda functions: events go through
 * {@link ReconcileHandler} and {@link TargetsHandler}; state lives in DynamoDB Local; AWS is the
 * emulator chosen by {@code LBR_TEST_ENDPOINT} (moto by default).
 */
final class Harness {
  /** The scenarios' cluster: their network.json and expected files spell it out. */
  static final String CLUSTER = "scen";

  final CallCounter calls = new CallCounter();
  final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-22T00:00:00Z"));
  final EmulatorWorld.World world;
  final AwsClients clients;

  /** The test's own clients (no faults, not counted): the network and the checks use them. */
  private final AwsClients testClients = AwsEmulator.clients();

  /** The state table's DynamoDB: the embedded DynamoDB Local unless a test says otherwise. */
  final DynamoDbClient dynamo;

  final String table;
  final ForwarderSimulator forwarder = new ForwarderSimulator(CLUSTER);
  private final List<ExecutionInterceptor> faults;

  /** Ingress target group keys seen in the steps so far → the scenarios' names for them. */
  private final Map<String, String> aliases = new java.util.TreeMap<>();

  /** The scenario whose network this account holds, prepared at its first file's use. */
  private Scenario scenario;

  /** The status queue the reconciler publishes stack results to; null for none. */
  String statusQueue;

  /** The queue of delayed target health checks (readiness gates); null for none. */
  String healthQueue;

  /** The event path's deletion bounds; change them, then {@link #restart()}. */
  dev.lbr.reconcile.DeletionBounds bounds = dev.lbr.reconcile.DeletionBounds.defaults();

  Wired lbr;
  ReconcileHandler reconcile;
  TargetsHandler targets;

  Harness(ExecutionInterceptor... faults) {
    this(DynamoDbLocal.client(), DynamoDbLocal.freshTable(), faults);
  }

  /** State in {@code table} of {@code dynamo} (e.g. DynamoDB Local over HTTP, with faults). */
  Harness(DynamoDbClient dynamo, String table, ExecutionInterceptor... faults) {
    this.dynamo = dynamo;
    this.table = table;
    AwsEmulator.reset();
    this.faults = List.of(faults);
    List<ExecutionInterceptor> interceptors = new ArrayList<>(this.faults);
    interceptors.add(calls);
    this.clients = AwsEmulator.clients(interceptors.toArray(ExecutionInterceptor[]::new));
    this.world = EmulatorWorld.prepare(clients.ec2(), clients.acm(), CLUSTER);
    restart();
  }

  /** A cold start: new handlers and caches, same account and state table. */
  void restart() {
    lbr =
        Wired.of(
            new LbrConfig(
                    CLUSTER, AwsEmulator.region(), AwsEmulator.endpoint(), table, world.vpcId())
                .withStatusQueue(statusQueue)
                .withHealthCheckQueue(healthQueue),
            clients,
            dynamo,
            clock,
            bounds);
    reconcile = new ReconcileHandler(lbr.processor(EnumSet.allOf(Kind.class)));
    targets = new TargetsHandler(lbr.processor(EnumSet.of(Kind.ENDPOINT_SLICE, Kind.POD)));
  }

  /** From now on, stack results go to a new queue on the emulator (a cold start). */
  Harness withStatusQueue() {
    statusQueue =
        testClients.sqs().createQueue(r -> r.queueName("status-" + System.nanoTime())).queueUrl();
    restart();
    return this;
  }

  /** From now on, target health checks wait on a new queue on the emulator (a cold start). */
  Harness withHealthQueue() {
    healthQueue =
        testClients.sqs().createQueue(r -> r.queueName("health-" + System.nanoTime())).queueUrl();
    restart();
    return this;
  }

  /**
   * Hands the health checks due within {@code wait} to the targets function, as Lambda's poller
   * would; returns how many there were.
   */
  int runHealthChecks(java.time.Duration wait) {
    var messages = receiveHealthChecks(wait);
    List<SqsBatches.Record> records = new ArrayList<>();
    for (var m : messages) {
      records.add(SqsBatches.Record.of(m.messageId(), m.body()));
    }
    if (!records.isEmpty()) {
      assertNoFailures(SqsBatches.invoke(targets, records));
      deleteHealthChecks(messages);
    }
    return messages.size();
  }

  /** Loses the health checks due within {@code wait} (as a dead-lettered message is lost). */
  int dropHealthChecks(java.time.Duration wait) {
    var messages = receiveHealthChecks(wait);
    deleteHealthChecks(messages);
    return messages.size();
  }

  private List<software.amazon.awssdk.services.sqs.model.Message> receiveHealthChecks(
      java.time.Duration wait) {
    return testClients
        .sqs()
        .receiveMessage(
            r ->
                r.queueUrl(healthQueue)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds((int) wait.toSeconds()))
        .messages();
  }

  private void deleteHealthChecks(List<software.amazon.awssdk.services.sqs.model.Message> done) {
    for (var m : done) {
      testClients
          .sqs()
          .deleteMessage(r -> r.queueUrl(healthQueue).receiptHandle(m.receiptHandle()));
    }
  }

  private static void assertNoFailures(SqsBatches.Response response) {
    if (!response.batchItemFailures().isEmpty()) {
      throw new AssertionError("failed messages: " + response.batchItemFailures());
    }
  }

  /** The messages waiting on the status queue, oldest first, as JSON text; they are removed. */
  List<String> statusMessages() {
    List<String> out = new ArrayList<>();
    while (true) {
      var messages =
          testClients
              .sqs()
              .receiveMessage(r -> r.queueUrl(statusQueue).maxNumberOfMessages(10))
              .messages();
      if (messages.isEmpty()) {
        return out;
      }
      for (var m : messages) {
        out.add(m.body());
        testClients
            .sqs()
            .deleteMessage(r -> r.queueUrl(statusQueue).receiptHandle(m.receiptHandle()));
      }
    }
  }

  /**
   * The stack results waiting on the status queue, oldest first (pod conditions left out); they are
   * removed.
   */
  List<dev.lbr.event.StackResult> results() {
    return statusMessages().stream()
        .filter(m -> !dev.lbr.event.PodConditions.isOne(m))
        .map(dev.lbr.event.StackResult::fromJson)
        .toList();
  }

  /** The emulator's clients for checks (not counted, no faults). */
  AwsClients testClients() {
    return testClients;
  }

  static Path scenario(String name) {
    return RepoPaths.scenarios().resolve(name);
  }

  /**
   * A step's objects. A file of a scenario folder (one with {@code network.json}) first prepares
   * that scenario's network, once (one scenario per harness), and is rewritten for it; any other
   * file gets the prepared scenario's rewriting, if there is one, else only {@code ${CERT_ARN}}.
   */
  List<K8sObject> objects(Path stepYaml) {
    return Manifests.parse(text(stepYaml), stepYaml);
  }

  private String text(Path file) {
    Optional<Scenario> s = scenarioOf(file);
    if (s.isPresent()) {
      return s.get().text(file);
    }
    try {
      return Files.readString(file).replace("${CERT_ARN}", world.certificateArn());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<Scenario> scenarioOf(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.exists(dir.resolve(NetworkSpec.FILE))) {
      return Optional.ofNullable(scenario);
    }
    if (scenario == null) {
      scenario = Scenario.prepare(dir, testClients, world);
    } else if (!scenario.dir().equals(dir)) {
      throw new IllegalStateException(
          "this harness holds the network of " + scenario.dir() + ", not of " + dir);
    }
    return Optional.of(scenario);
  }

  /** Sends a step through the forwarder simulation as one SQS batch to the reconcile function. */
  SqsBatches.Response step(Path stepYaml) {
    List<K8sObject> objects = objects(stepYaml);
    aliases.putAll(ScenarioKeys.aliases(objects));
    return send(reconcile, forwarder.step(objects));
  }

  /**
   * A step's objects through the forwarder simulation, routed as EventBridge routes them: the
   * targets function's detail-types (EndpointSlice, Pod) to it, everything else to the reconcile
   * function, which goes first.
   */
  void routedStep(Path stepYaml) {
    List<String> targetsEvents = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String envelope : forwarder.step(objects(stepYaml))) {
      String type = Json.read(envelope, JsonNode.class).path("detail-type").asText();
      (EventContract.targetDetailTypes().contains(type) ? targetsEvents : others).add(envelope);
    }
    assertNoFailures(send(reconcile, others));
    assertNoFailures(send(targets, targetsEvents));
  }

  /** One SQS batch as Lambda delivers it, one message per envelope (ids msg-0, msg-1, ...). */
  static SqsBatches.Response send(RequestStreamHandler handler, List<String> envelopes) {
    List<SqsBatches.Record> records = new ArrayList<>();
    for (int i = 0; i < envelopes.size(); i++) {
      records.add(SqsBatches.Record.of("msg-" + i, envelopes.get(i)));
    }
    return SqsBatches.invoke(handler, records);
  }

  JsonNode state() {
    return lbr.describe();
  }

  /**
   * Sends steps 1..{@code steps} of the scenario in turn and checks, after each, that no message
   * failed and the state is exactly the step's expected state.
   */
  void playsScenario(String name, int steps) {
    Path scenario = scenario(name);
    for (int step = 1; step <= steps; step++) {
      var response = step(scenario.resolve("step" + step + ".yaml"));
      org.assertj.core.api.Assertions.assertThat(response.batchItemFailures())
          .as("failed messages in step %d of %s", step, name)
          .isEmpty();
      org.assertj.core.api.Assertions.assertThat(
              differences(scenario.resolve("step" + step + ".expected.json")))
          .as("differences after step %d of %s", step, name)
          .isEmpty();
    }
  }

  /** The differences between a scenario's expected file and the state, security groups included. */
  List<String> differences(Path expectedJson) {
    JsonNode state = ScenarioKeys.rename(state(), aliases);
    Optional<Scenario> s = scenarioOf(expectedJson);
    if (s.isPresent()) {
      return s.get().differences(s.get().expected(expectedJson), state);
    }
    return ExpectedState.differences(
        ExpectedState.load(expectedJson, Map.of("CERT_ARN", world.certificateArn())), state);
  }
}
