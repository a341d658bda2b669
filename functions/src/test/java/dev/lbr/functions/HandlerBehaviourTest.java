package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.aws.CallCounter;
import dev.lbr.k8s.Json;
import dev.lbr.model.StackId;
import dev.lbr.state.Checkpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlerBehaviourTest {

  @Test
  void tlsProxyScenarioGivesOneTargetGroupPerPortAndTlsOnlyOnSslPorts() {
    Harness h = new Harness();
    Path scenario = Harness.scenario("05-nlb-tls-proxy");

    var response = h.step(scenario.resolve("step1.yaml"));

    assertThat(response.batchItemFailures()).isEmpty();
    assertThat(h.differences(scenario.resolve("step1.expected.json"))).isEmpty();
  }

  @Test
  void aMalformedEnvelopeFailsOnlyItsOwnMessage() throws Exception {
    Harness h = new Harness();
    String good = sample("service-upsert.json");

    SqsBatches.Response response = Harness.send(h.reconcile, List.of("{not json", good));

    assertThat(response.batchItemFailures()).containsExactly("msg-0");
  }

  @Test
  void theReconcileFunctionReadsLambdasEventAndAnswersWithItsFailedMessage() throws Exception {
    Harness h = new Harness();
    ObjectNode event = (ObjectNode) Json.mapper().readTree(SqsBatchesTest.lambdaEvent());
    ((ObjectNode) event.path("Records").get(0)).put("body", sample("service-upsert.json"));
    ((ObjectNode) event.path("Records").get(1)).put("body", "{not json");
    ByteArrayOutputStream response = new ByteArrayOutputStream();

    h.reconcile.handleRequest(
        new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), response, null);

    assertThat(response.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}");
  }

  @Test
  void theTargetsFunctionRejectsOtherKinds() throws Exception {
    Harness h = new Harness();
    String service = sample("service-upsert.json");

    SqsBatches.Response response = Harness.send(h.targets, List.of(service));

    assertThat(response.batchItemFailures()).hasSize(1);
  }

  @Test
  void instanceModeWithoutANodePortIsRecordedAsInvalidInputAndCreatesNothing() throws Exception {
    Harness h = new Harness();
    Path manifest = Files.createTempFile("instance", ".yaml");
    Files.writeString(
        manifest,
        Files.readString(Harness.scenario("01-echo-nlb").resolve("step1.yaml"))
            .replace("nlb-target-type: ip", "nlb-target-type: instance"));

    var response = h.step(manifest);

    assertThat(response.batchItemFailures()).as("invalid input is not retried").isEmpty();
    assertThat(h.calls.mutating(CallCounter.ELBV2)).isZero();
    Checkpoint cp =
        h.lbr
            .stores()
            .checkpoints()
            .get(StackId.service("default", "svc-nlb-ip-type"))
            .orElseThrow();
    assertThat(cp.status()).isEqualTo(Checkpoint.Status.INVALID);
    assertThat(cp.lastError())
        .contains("Service default/svc-nlb-ip-type")
        .contains("port 80 has no nodePort");
  }

  @Test
  void aHealthCheckTimeoutAboveTheIntervalIsRecordedAsInvalidInputBeforeAnyElbCall()
      throws Exception {
    Harness h = new Harness();
    Path manifest = Files.createTempFile("timeout", ".yaml");
    Files.writeString(
        manifest,
        Files.readString(Harness.scenario("01-echo-nlb").resolve("step1.yaml"))
            .replace(
                "    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: \"8080\"\n",
                "    service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: \"8080\"\n"
                    + "    service.beta.kubernetes.io/aws-load-balancer-healthcheck-timeout:"
                    + " \"30\"\n"));

    var response = h.step(manifest);

    assertThat(response.batchItemFailures()).as("invalid input is not retried").isEmpty();
    assertThat(h.calls.total(CallCounter.ELBV2)).isZero();
    Checkpoint cp =
        h.lbr
            .stores()
            .checkpoints()
            .get(StackId.service("default", "svc-nlb-ip-type"))
            .orElseThrow();
    assertThat(cp.status()).isEqualTo(Checkpoint.Status.INVALID);
    assertThat(cp.lastError())
        .contains("Service default/svc-nlb-ip-type")
        .contains("service.beta.kubernetes.io/aws-load-balancer-healthcheck-timeout")
        .contains("must not be greater than the interval (10 s)");
  }

  /** An {@code events/} sample (written for cluster {@code demo}) sent to the harness's cluster. */
  private static String sample(String name) throws Exception {
    return Files.readString(Path.of(System.getProperty("lbr.repo.root"), "events", name))
        .replace("\"cluster\": \"demo\"", "\"cluster\": \"" + Harness.CLUSTER + "\"");
  }
}
