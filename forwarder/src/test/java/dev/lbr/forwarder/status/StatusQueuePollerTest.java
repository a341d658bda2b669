package dev.lbr.forwarder.status;

import static dev.lbr.forwarder.kube.FakeKubeApiServer.PODS;
import static dev.lbr.forwarder.kube.FakeKubeApiServer.SERVICES;
import static dev.lbr.forwarder.status.Fixtures.finalizers;
import static dev.lbr.forwarder.status.Fixtures.member;
import static dev.lbr.forwarder.status.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.PodConditions;
import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.forwarder.ForwarderOptions.BindingsSetting;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.forwarder.publish.ForwarderMetrics;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.MutableClock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The status queue on the emulator: applied results are deleted, failed ones come back. */
class StatusQueuePollerTest {
  FakeKubeApiServer api;
  SqsClient sqs;
  String queueUrl;
  StatusWriter writer;
  PodConditionWriter pods;
  MutableClock clock;
  StatusQueuePoller poller;

  @BeforeEach
  void queueAndApiServer() throws Exception {
    AwsEmulator.reset();
    sqs = StatusQueuePoller.client(AwsEmulator.endpoint(), AwsEmulator.region());
    queueUrl =
        sqs.createQueue(
                b ->
                    b.queueName("lbr-status-demo")
                        .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")))
            .queueUrl();
    api = new FakeKubeApiServer();
    api.apply(SERVICES, Fixtures.service("shop", "web"));
    clock = MutableClock.start();
    writer = Fixtures.writer(api, BindingsSetting.OFF, clock);
    pods =
        new PodConditionWriter(
            Fixtures.kube(api), Fixtures.CLUSTER, clock, new ForwarderMetrics(clock));
  }

  @AfterEach
  void stop() {
    if (poller != null) {
      poller.close();
    }
    sqs.close();
    api.close();
  }

  StackResult reconciled(long sequence) {
    return result(
        "service/shop/web",
        sequence,
        Outcome.RECONCILED,
        List.of(member(api, SERVICES, "shop", "web")),
        null);
  }

  void send(String body) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
  }

  /** What is left in the queue once every message is visible again (visibility timeout 1 s). */
  List<Message> left() {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(queueUrl)
                    .waitTimeSeconds(3)
                    .maxNumberOfMessages(10)
                    .messageSystemAttributeNamesWithStrings("ApproximateReceiveCount"))
        .messages();
  }

  /** Nothing in the queue, visible or in flight. */
  boolean empty() {
    Map<QueueAttributeName, String> a =
        sqs.getQueueAttributes(
                b ->
                    b.queueUrl(queueUrl)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return a.values().stream().allMatch("0"::equals);
  }

  boolean served() {
    return finalizers(api.get(SERVICES, "shop", "web").orElseThrow())
        .contains("service.k8s.aws/resources");
  }

  @Test
  void theLeaderAppliesAResultFromTheQueueAndDeletesIt() {
    send(reconciled(1).toJson());
    poller = new StatusQueuePoller(sqs, queueUrl, writer, pods, () -> true, 1);
    poller.start();
    await("the message is deleted", this::empty);
    poller.close();

    assertThat(served()).isTrue();

    assertThat(
            api.get(SERVICES, "shop", "web")
                .orElseThrow()
                .path("status")
                .path("loadBalancer")
                .has("ingress"))
        .isTrue();
    assertThat(left()).isEmpty();
  }

  @Test
  void aResultWhoseApplicationFailsStaysInTheQueueAndIsAppliedWhenRedelivered() {
    send(reconciled(1).toJson());
    poller = new StatusQueuePoller(sqs, queueUrl, writer, pods, () -> true, 1);
    api.failWrites(500);
    assertThat(poller.pollOnce()).isZero();
    assertThat(served()).isFalse();

    api.failWrites(0);
    List<Message> redelivered = left();
    assertThat(redelivered).hasSize(1);
    assertThat(redelivered.get(0).attributesAsStrings())
        .containsEntry("ApproximateReceiveCount", "2");
    assertThat(StackResult.fromJson(redelivered.get(0).body()).sequence()).isEqualTo(1);
  }

  @Test
  void unreadableStaleAndForeignResultsAreDeletedWithoutEffect() {
    writer.apply(reconciled(5));
    long writes = api.writeRequests().size();
    send("{\"not\": \"a result\"}");
    send(reconciled(4).toJson());
    send(reconciled(6).toJson().replace("\"cluster\":\"demo\"", "\"cluster\":\"other\""));
    poller = new StatusQueuePoller(sqs, queueUrl, writer, pods, () -> true, 1);

    int deleted = 0;
    for (int round = 0; round < 5 && deleted < 3; round++) {
      deleted += poller.pollOnce();
    }

    assertThat(deleted).isEqualTo(3);
    assertThat(api.writeRequests()).hasSize((int) writes);
    assertThat(left()).isEmpty();
  }

  @Test
  void podConditionsGoToThePodsAndAnotherClustersAreDeletedWithoutEffect() {
    String gate = "target-health.elbv2.k8s.aws/k8s-shop-web-6d5c4b3a2f";
    api.apply(PODS, Fixtures.pod("shop", "web-1", gate));
    String uid = api.get(PODS, "shop", "web-1").orElseThrow().path("metadata").path("uid").asText();
    PodConditions.Pod healthy = new PodConditions.Pod("shop", "web-1", uid, gate, "True", "", "");
    send(new PodConditions("other", "service/shop/web", clock.millis(), List.of(healthy)).toJson());
    poller = new StatusQueuePoller(sqs, queueUrl, writer, pods, () -> true, 1);
    int deleted = 0;
    for (int round = 0; round < 3 && deleted < 1; round++) {
      deleted += poller.pollOnce();
    }
    assertThat(deleted).isEqualTo(1);
    assertThat(api.writeRequests()).noneMatch(r -> r.startsWith("PATCH"));

    send(
        new PodConditions(Fixtures.CLUSTER, "service/shop/web", clock.millis(), List.of(healthy))
            .toJson());
    for (int round = 0; round < 3 && deleted < 2; round++) {
      deleted += poller.pollOnce();
    }
    assertThat(deleted).isEqualTo(2);
    assertThat(api.writeRequests())
        .filteredOn(r -> r.startsWith("PATCH"))
        .containsExactly("PATCH /api/v1/namespaces/shop/pods/web-1/status");
    assertThat(left()).isEmpty();
  }

  @Test
  void podConditionsWhosePatchFailsStayInTheQueue() {
    String gate = "target-health.elbv2.k8s.aws/k8s-shop-web-6d5c4b3a2f";
    api.apply(PODS, Fixtures.pod("shop", "web-1", gate));
    String uid = api.get(PODS, "shop", "web-1").orElseThrow().path("metadata").path("uid").asText();
    send(
        new PodConditions(
                Fixtures.CLUSTER,
                "service/shop/web",
                1,
                List.of(new PodConditions.Pod("shop", "web-1", uid, gate, "True", "", "")))
            .toJson());
    poller = new StatusQueuePoller(sqs, queueUrl, writer, pods, () -> true, 1);
    api.failWrites(500);
    assertThat(poller.pollOnce()).isZero();
    api.failWrites(0);
    assertThat(left()).hasSize(1);
  }

  @Test
  void aReplicaThatDoesNotLeadLeavesTheMessagesForTheLeader() {
    send(reconciled(1).toJson());
    poller = new StatusQueuePoller(sqs, queueUrl, writer, pods, () -> false, 1);
    int deleted = 0;
    for (int round = 0; round < 3; round++) {
      deleted += poller.pollOnce();
    }
    assertThat(deleted).isZero();
    assertThat(served()).isFalse();
    assertThat(left()).hasSize(1);
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
