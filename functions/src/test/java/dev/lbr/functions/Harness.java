package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.aws.AwsClients;
import dev.lbr.aws.CallCounter;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.event.Manifests;
import dev.lbr.k8s.K8sObject;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.Runtime;
import dev.lbr.reconcile.RuntimeConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.DynamoDbLocal;
import dev.lbr.testing.ExpectedState;
import dev.lbr.testing.ForwarderSimulator;
import dev.lbr.testing.MutableClock;
import dev.lbr.testing.RepoPaths;
import dev.lbr.testing.ScenarioKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * One emulated account and cluster, wired exactly like the Lambda functions: events go through
 * {@link ReconcileHandler} and {@link TargetsHandler}; state lives in DynamoDB Local; AWS is the
 * emulator chosen by {@code LBR_TEST_ENDPOINT} (moto by default).
 */
final class Harness {
  static final String CLUSTER = "demo";

  final CallCounter calls = new CallCounter();
  final MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-22T00:00:00Z"));
  final EmulatorWorld.World world;
  final AwsClients clients;
  final String table = DynamoDbLocal.freshTable();
  final ForwarderSimulator forwarder = new ForwarderSimulator(CLUSTER);
  private final List<ExecutionInterceptor> faults;

  /** Ingress target group keys seen in the steps so far → the scenarios' names for them. */
  private final Map<String, String> aliases = new java.util.TreeMap<>();

  Runtime runtime;
  ReconcileHandler reconcile;
  TargetsHandler targets;

  Harness(ExecutionInterceptor... faults) {
    AwsEmulator.reset();
    this.faults = List.of(faults);
    List<ExecutionInterceptor> interceptors = new ArrayList<>(this.faults);
    interceptors.add(calls);
    this.clients = AwsEmulator.clients(interceptors.toArray(ExecutionInterceptor[]::new));
    this.world = EmulatorWorld.prepare(clients, CLUSTER);
    restart();
  }

  /** A cold start: new handlers and caches, same account and state table. */
  void restart() {
    runtime =
        Runtime.create(
            new RuntimeConfig(
                CLUSTER, AwsEmulator.region(), AwsEmulator.endpoint(), table, world.vpcId()),
            clients,
            DynamoDbLocal.client(),
            clock);
    reconcile = new ReconcileHandler(runtime.processor(EnumSet.allOf(Kind.class)));
    targets = new TargetsHandler(runtime.processor(EnumSet.of(Kind.ENDPOINT_SLICE)));
  }

  static Path scenario(String name) {
    return RepoPaths.scenarios().resolve(name);
  }

  List<K8sObject> objects(Path stepYaml) {
    try {
      String text = Files.readString(stepYaml).replace("${CERT_ARN}", world.certificateArn());
      return Manifests.parse(text, stepYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a step through the forwarder simulation as one SQS batch to the reconcile function. */
  SQSBatchResponse step(Path stepYaml) {
    List<K8sObject> objects = objects(stepYaml);
    aliases.putAll(ScenarioKeys.aliases(objects));
    return send(reconcile, forwarder.step(objects));
  }

  static SQSBatchResponse send(
      com.amazonaws.services.lambda.runtime.RequestHandler<SQSEvent, SQSBatchResponse> handler,
      List<String> envelopes) {
    SQSEvent event = new SQSEvent();
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (int i = 0; i < envelopes.size(); i++) {
      SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
      m.setMessageId("msg-" + i);
      m.setBody(envelopes.get(i));
      records.add(m);
    }
    event.setRecords(records);
    return handler.handleRequest(event, null);
  }

  JsonNode state() {
    return runtime.describe();
  }

  /**
   * Sends steps 1..{@code steps} of the scenario in turn and checks, after each, that no message
   * failed and the state is exactly the step's expected state.
   */
  void playsScenario(String name, int steps) {
    Path scenario = scenario(name);
    for (int step = 1; step <= steps; step++) {
      var response = step(scenario.resolve("step" + step + ".yaml"));
      org.assertj.core.api.Assertions.assertThat(response.getBatchItemFailures())
          .as("failed messages in step %d of %s", step, name)
          .isEmpty();
      org.assertj.core.api.Assertions.assertThat(
              differences(scenario.resolve("step" + step + ".expected.json")))
          .as("differences after step %d of %s", step, name)
          .isEmpty();
    }
  }

  List<String> differences(Path expectedJson) {
    JsonNode expected =
        ExpectedState.load(expectedJson, Map.of("CERT_ARN", world.certificateArn()));
    return ExpectedState.differences(expected, ScenarioKeys.rename(state(), aliases));
  }
}
