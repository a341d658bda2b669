package dev.lbr.forwarder.status;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.status.Fixtures.events;
import static dev.lbr.forwarder.status.Fixtures.finalizers;
import static dev.lbr.forwarder.status.Fixtures.member;
import static dev.lbr.forwarder.status.Fixtures.result;
import static dev.lbr.forwarder.status.StatusQueuePollerTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.StackResult.Outcome;
import dev.lbr.forwarder.Forwarder;
import dev.lbr.forwarder.ForwarderOptions;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.forwarder.kube.KubeChangeSource;
import dev.lbr.testing.AwsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The forwarder as deployed, with STATUS_QUEUE_URL: its leader writes results back. */
class ForwarderWriteBackTest {

  @Test
  void theLeadingForwarderAppliesWhatReachesTheStatusQueue(@TempDir Path dir) throws Exception {
    AwsEmulator.reset();
    try (FakeKubeApiServer api = new FakeKubeApiServer();
        SqsClient sqs = StatusQueuePoller.client(AwsEmulator.endpoint(), AwsEmulator.region())) {
      api.apply(SERVICES, Fixtures.service("shop", "web"));
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, api.kubeconfig());
      String queue = sqs.createQueue(b -> b.queueName("lbr-status-demo")).queueUrl();
      ForwarderOptions options =
          ForwarderOptions.parse(
              new String[0],
              Map.of(
                  "CLUSTER_NAME",
                  Fixtures.CLUSTER,
                  "LBR_STDOUT",
                  "true",
                  "AWS_REGION",
                  AwsEmulator.region(),
                  "LBR_ENDPOINT",
                  AwsEmulator.endpoint().toString(),
                  "KUBECONFIG",
                  kubeconfig.toString(),
                  "HTTP_PORT",
                  "0",
                  "STATUS_QUEUE_URL",
                  queue,
                  "TARGET_GROUP_BINDINGS",
                  "auto"));
      sqs.sendMessage(
          b ->
              b.queueUrl(queue)
                  .messageBody(
                      result(
                              "service/shop/web",
                              1,
                              Outcome.RECONCILED,
                              List.of(member(api, SERVICES, "shop", "web")),
                              List.of(Fixtures.binding("shop", "web")))
                          .toJson()));

      Forwarder forwarder = new Forwarder(options, new KubeChangeSource(), Clock.systemUTC());
      try {
        await("the result is written back", () -> !events(api, "shop", "web").isEmpty());
      } finally {
        forwarder.close();
      }

      assertThat(finalizers(api.get(SERVICES, "shop", "web").orElseThrow()))
          .containsExactly("service.k8s.aws/resources");
      assertThat(api.objects(FakeKubeApiServer.TARGET_GROUP_BINDINGS)).hasSize(1);
      assertThat(
              api.get(SERVICES, "shop", "web")
                  .orElseThrow()
                  .path("status")
                  .path("loadBalancer")
                  .path("ingress")
                  .get(0)
                  .path("hostname")
                  .asText())
          .isEqualTo(Fixtures.DNS);
    }
  }
}
