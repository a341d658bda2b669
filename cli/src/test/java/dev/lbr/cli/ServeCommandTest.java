package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.event.StackResult;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import dev.lbr.manifest.Manifests;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.ForwarderSimulator;
import dev.lbr.testing.RepoPaths;
import dev.lbr.testing.Scenario;
import dev.lbr.testing.ScenarioKeys;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code lbr serve} in-process on the emulator: the forwarder's events put on the bus it prints
 * become the scenario's load balancer, through the queues and the handlers.
 */
class ServeCommandTest {
  private static final String CLUSTER = "scen";

  @Test
  void aScenarioPutOnTheBusBecomesItsLoadBalancerThroughTheQueuesAndHandlers() throws Exception {
    AwsEmulator.reset();
    String table = "lbr-serve-" + UUID.randomUUID();
    BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    CountDownLatch stop = new CountDownLatch(1);
    ExecutorService serving = Executors.newSingleThreadExecutor();
    try (AwsClients aws = AwsEmulator.clients();
        ServeClients clients = ServeClients.of(AwsEmulator.endpoint(), AwsEmulator.region())) {
      EmulatorWorld.World world = EmulatorWorld.prepare(aws.ec2(), aws.acm(), CLUSTER);
      Scenario scenario =
          Scenario.prepare(RepoPaths.scenarios().resolve("01-echo-nlb"), aws, world);
      Future<Integer> exit =
          serving.submit(
              () ->
                  new CommandLine(new ServeCommand(lines(stdout), stop))
                      .execute(
                          "--cluster",
                          CLUSTER,
                          "--endpoint",
                          AwsEmulator.endpoint().toString(),
                          "--region",
                          AwsEmulator.region(),
                          "--table",
                          table,
                          "--vpc-id",
                          world.vpcId(),
                          "--drift-interval",
                          "0"));

      String ready = stdout.poll(3, TimeUnit.MINUTES);
      assertThat(ready).as("the ready line").startsWith("lbr serve: ready ");
      Map<String, String> fields = fields(ready);
      assertThat(fields)
          .containsEntry("cluster", CLUSTER)
          .containsEntry("bus", "lbr-" + CLUSTER)
          .containsEntry("table", table);

      Path step = scenario.stepFile(1);
      List<K8sObject> objects = Manifests.parse(Files.readString(step), step);
      for (String envelope : new ForwarderSimulator(CLUSTER).step(objects)) {
        put(clients, fields.get("bus"), Json.read(envelope, JsonNode.class));
      }

      Map<String, String> aliases = ScenarioKeys.aliases(objects);
      Session reader =
          Session.open(
              new LbrConfig(
                  CLUSTER, AwsEmulator.region(), AwsEmulator.endpoint(), table, world.vpcId()),
              false);
      List<String> differences =
          eventually(
              () ->
                  scenario.differences(
                      scenario.expected(1), ScenarioKeys.rename(reader.describe(), aliases)));
      assertThat(differences).isEmpty();

      // The status queue the forwarder is told about holds the stack's result.
      String status = fields.get("status-queue");
      assertThat(
              clients
                  .sqs()
                  .getQueueAttributes(
                      b -> b.queueUrl(status).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                  .attributes())
          .containsKey(QueueAttributeName.REDRIVE_POLICY);
      var received =
          clients.sqs().receiveMessage(b -> b.queueUrl(status).waitTimeSeconds(5)).messages();
      assertThat(received).hasSize(1);
      StackResult result = StackResult.fromJson(received.get(0).body());
      assertThat(result.stack()).isEqualTo("service/default/svc-nlb-ip-type");
      assertThat(result.outcome()).isEqualTo(StackResult.Outcome.RECONCILED);
      assertThat(result.loadBalancer().dnsName()).isNotBlank();

      stop.countDown();
      assertThat(exit.get(2, TimeUnit.MINUTES)).isZero();
      assertThat(stdout).as("nothing but the ready line on stdout").isEmpty();
      reader.clients().close();
    } finally {
      stop.countDown();
      serving.shutdown();
    }
  }

  @Test
  void prepareVpcWithANetworkBuildsTheClustersPodNetworkTaggedForItsName() throws Exception {
    AwsEmulator.reset();
    BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    CountDownLatch stop = new CountDownLatch(1);
    ExecutorService serving = Executors.newSingleThreadExecutor();
    try (AwsClients aws = AwsEmulator.clients()) {
      Future<Integer> exit =
          serving.submit(
              () ->
                  new CommandLine(new ServeCommand(lines(stdout), stop))
                      .execute(
                          "--cluster",
                          "kind",
                          "--endpoint",
                          AwsEmulator.endpoint().toString(),
                          "--region",
                          AwsEmulator.region(),
                          "--prepare-vpc",
                          "--network",
                          RepoPaths.scenarios().resolve("01-echo-nlb/network.json").toString(),
                          "--drift-interval",
                          "0"));

      String ready = stdout.poll(3, TimeUnit.MINUTES);
      assertThat(ready).as("the ready line").startsWith("lbr serve: ready ");
      String vpc = fields(ready).get("vpc");
      var pod =
          aws.ec2()
              .describeNetworkInterfaces(
                  r ->
                      r.filters(
                          f -> f.name("addresses.private-ip-address").values("192.168.1.187")))
              .networkInterfaces();
      assertThat(pod).hasSize(1);
      assertThat(pod.get(0).vpcId()).isEqualTo(vpc);
      String group = pod.get(0).groups().get(0).groupId();
      assertThat(
              aws.ec2()
                  .describeSecurityGroups(r -> r.groupIds(group))
                  .securityGroups()
                  .get(0)
                  .tags())
          .anyMatch(t -> t.key().equals("kubernetes.io/cluster/kind"));

      stop.countDown();
      assertThat(exit.get(2, TimeUnit.MINUTES)).isZero();
    } finally {
      stop.countDown();
      serving.shutdown();
    }
  }

  @Test
  void realAwsIsRefusedWithAClearMessage() {
    for (String endpoint :
        List.of("https://sqs.us-east-1.amazonaws.com", "https://events.eu-west-1.api.aws")) {
      assertThatThrownBy(() -> ServeCommand.refuseRealAws(URI.create(endpoint)))
          .hasMessageContaining("emulator")
          .hasMessageContaining("CDK app");
    }
    ServeCommand.refuseRealAws(URI.create("http://localhost:5000"));
    PrintStream err = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream()));
    try {
      assertThat(Lbr.run("serve", "--cluster", "c", "--endpoint", "https://sqs.amazonaws.com"))
          .isEqualTo(Lbr.FAILED);
    } finally {
      System.setErr(err);
    }
  }

  private static void put(ServeClients clients, String bus, JsonNode envelope) {
    var response =
        clients
            .events()
            .putEvents(
                b ->
                    b.entries(
                        e ->
                            e.eventBusName(bus)
                                .source(envelope.path("source").asText())
                                .detailType(envelope.path("detail-type").asText())
                                .detail(Json.write(envelope.path("detail")))));
    assertThat(response.failedEntryCount()).isZero();
  }

  /** The value once it is empty, or the last one after two minutes. */
  private static List<String> eventually(Supplier<List<String>> value) throws InterruptedException {
    List<String> last = value.get();
    for (int i = 0; i < 120 && !last.isEmpty(); i++) {
      Thread.sleep(1000);
      last = value.get();
    }
    return last;
  }

  /** {@code key=value} words of the ready line. */
  private static Map<String, String> fields(String line) {
    return Arrays.stream(line.split(" "))
        .filter(w -> w.contains("="))
        .collect(
            Collectors.toMap(
                w -> w.substring(0, w.indexOf('=')), w -> w.substring(w.indexOf('=') + 1)));
  }

  /** A stream handing each printed line to {@code lines}. */
  private static PrintStream lines(BlockingQueue<String> lines) {
    OutputStream sink =
        new OutputStream() {
          private final ByteArrayOutputStream line = new ByteArrayOutputStream();

          @Override
          public synchronized void write(int b) {
            if (b == '\n') {
              lines.add(line.toString(StandardCharsets.UTF_8));
              line.reset();
            } else {
              line.write(b);
            }
          }
        };
    return new PrintStream(sink, true, StandardCharsets.UTF_8);
  }
}
