package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.lbr.aws.CallCounter;
import dev.lbr.model.StackId;
import dev.lbr.state.Checkpoint;
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

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(h.differences(scenario.resolve("step1.expected.json"))).isEmpty();
  }

  @Test
  void aMalformedEnvelopeFailsOnlyItsOwnMessage() throws Exception {
    Harness h = new Harness();
    String good = sample("service-upsert.json");

    SQSBatchResponse response = Harness.send(h.reconcile, List.of("{not json", good));

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("msg-0");
  }

  @Test
  void theTargetsFunctionRejectsOtherKinds() throws Exception {
    Harness h = new Harness();
    String service = sample("service-upsert.json");

    SQSBatchResponse response = Harness.send(h.targets, List.of(service));

    assertThat(response.getBatchItemFailures()).hasSize(1);
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

    assertThat(response.getBatchItemFailures()).as("invalid input is not retried").isEmpty();
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

    assertThat(response.getBatchItemFailures()).as("invalid input is not retried").isEmpty();
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
