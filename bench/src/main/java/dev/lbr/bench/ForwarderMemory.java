package dev.lbr.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.aws.AwsClients;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.k8s.Json;
import dev.lbr.testing.AwsEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Resident memory of the real forwarder ({@code forwarder.jar}, its own process, with the JVM flags
 * and memory limit of its Deployment, {@link ForwarderDeployment}) watching an in-process
 * Kubernetes API server that holds {@code services} Services with one EndpointSlice of {@code
 * perService} endpoints each, publishing to the emulator's EventBridge and polling a status queue
 * there, as a deployed forwarder does. Measured after the initial sync and after every slice
 * changed four times (a rollout of everything at once).
 */
final class ForwarderMemory {

  private ForwarderMemory() {}

  static void run(int services, int perService) throws Exception {
    Path jar = Path.of(System.getProperty("lbr.forwarder.jar", "forwarder/target/forwarder.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + ": build it with ./mvnw -pl forwarder package");
    }
    // forwarder/target/forwarder.jar → forwarder/deploy/
    Path manifest = jar.toAbsolutePath().getParent().resolveSibling("deploy/30-deployment.yaml");
    ForwarderDeployment deployment = ForwarderDeployment.read(manifest);
    try (FakeKubeApiServer api = new FakeKubeApiServer();
        AwsClients aws = AwsEmulator.clients();
        EventBridgeClient events =
            dev.lbr.forwarder.publish.EventBridgeClients.create(
                AwsEmulator.endpoint(), AwsEmulator.region())) {
      events.createEventBus(b -> b.name("bench-memory"));
      String statusQueue =
          aws.sqs().createQueue(b -> b.queueName("bench-memory-status")).queueUrl();
      for (int n = 0; n < 10; n++) {
        api.apply(FakeKubeApiServer.NODES, node("node-" + n));
      }
      for (int s = 0; s < services; s++) {
        api.apply(FakeKubeApiServer.SERVICES, service("svc-" + s));
        api.apply(FakeKubeApiServer.ENDPOINT_SLICES, slice("svc-" + s, perService, s, 0));
      }
      Path dir = Files.createTempDirectory("lbr-forwarder-bench");
      Path kubeconfig = dir.resolve("kubeconfig");
      Files.writeString(kubeconfig, api.kubeconfig());
      int port = freePort();
      Process forwarder =
          start(jar, deployment, kubeconfig, statusQueue, port, dir.resolve("forwarder.log"));
      try {
        System.out.printf(
            "Limit %s, JVM flags %s%n%n",
            deployment.memoryLimit(), String.join(" ", deployment.jvmFlags()));
        System.out.println(
            "| phase | objects watched | events published | seconds | RSS MiB | peak RSS MiB |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        long start = System.nanoTime();
        // every object once, and the inventory
        int objects = 10 + 2 * services;
        awaitMetric(port, "lbr_forwarder_events_published_total", objects + 1, forwarder);
        awaitMetric(port, "lbr_forwarder_last_inventory_timestamp_seconds", 1, forwarder);
        double syncSeconds = (System.nanoTime() - start) / 1e9;
        long published = (long) metric(port, "lbr_forwarder_events_published_total");
        Thread.sleep(2000);
        row("initial sync (JVM start included)", objects, published, syncSeconds, forwarder);

        start = System.nanoTime();
        for (int round = 1; round <= 4; round++) {
          for (int s = 0; s < services; s++) {
            api.apply(FakeKubeApiServer.ENDPOINT_SLICES, slice("svc-" + s, perService, s, round));
          }
        }
        long before = published;
        published = awaitQuiet(port);
        double burstSeconds = (System.nanoTime() - start) / 1e9;
        row(
            "every slice updated 4 times (" + 4 * services + " versions)",
            objects,
            published - before,
            burstSeconds,
            forwarder);
      } finally {
        forwarder.destroy();
        forwarder.waitFor();
      }
    }
  }

  private static Process start(
      Path jar,
      ForwarderDeployment deployment,
      Path kubeconfig,
      String statusQueue,
      int port,
      Path log)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(deployment.jvmFlags());
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("CLUSTER_NAME", "bench");
    env.put("EVENT_BUS_NAME", "bench-memory");
    env.put("AWS_REGION", AwsEmulator.region());
    env.put("LBR_ENDPOINT", AwsEmulator.endpoint().toString());
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("STATUS_QUEUE_URL", statusQueue);
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("POD_NAMESPACE", "lbr-system");
    env.put("POD_NAME", "bench-0");
    env.remove("JAVA_TOOL_OPTIONS");
    return pb.start();
  }

  private static void row(String phase, int objects, long published, double seconds, Process p)
      throws IOException {
    Map<String, Long> status = status(p.pid());
    System.out.printf(
        "| %s | %d | %d | %.1f | %d | %d |%n",
        phase, objects, published, seconds, status.get("VmRSS") / 1024, status.get("VmHWM") / 1024);
  }

  /** VmRSS and VmHWM (peak) of a process, in KiB. */
  private static Map<String, Long> status(long pid) throws IOException {
    Map<String, Long> out = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      String[] parts = line.split("\\s+");
      if (parts[0].equals("VmRSS:") || parts[0].equals("VmHWM:")) {
        out.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
      }
    }
    return out;
  }

  private static void awaitMetric(int port, String name, double atLeast, Process p)
      throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the forwarder exited with " + p.exitValue());
      }
      try {
        if (metric(port, name) >= atLeast) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no " + name + " within 3 minutes");
  }

  /** Waits until the published count has not moved for two seconds; returns it. */
  private static long awaitQuiet(int port) throws Exception {
    long last = -1;
    long stableSince = System.nanoTime();
    while (true) {
      long now = (long) metric(port, "lbr_forwarder_events_published_total");
      if (now != last) {
        last = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > 2_000_000_000L) {
        return now;
      }
      Thread.sleep(100);
    }
  }

  private static double metric(int port, String name) throws Exception {
    String body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    for (String line : body.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static ObjectNode service(String name) {
    ObjectNode s = Json.mapper().createObjectNode();
    s.with("metadata").put("namespace", "shop").put("name", name);
    ObjectNode spec = s.with("spec");
    spec.put("type", "LoadBalancer").put("loadBalancerClass", "service.k8s.aws/nlb");
    spec.with("selector").put("app", name);
    spec.putArray("ports")
        .addObject()
        .put("name", "http")
        .put("port", 80)
        .put("targetPort", 8080)
        .put("protocol", "TCP");
    return s;
  }

  /** A slice of {@code endpoints} pods; {@code round} flips readiness of one pod in four. */
  private static ObjectNode slice(String service, int endpoints, int seed, int round) {
    ObjectNode s = Json.mapper().createObjectNode();
    ObjectNode meta = s.with("metadata").put("namespace", "shop").put("name", service + "-abc");
    meta.with("labels").put("kubernetes.io/service-name", service);
    s.put("addressType", "IPv4");
    s.putArray("ports").addObject().put("name", "http").put("port", 8080).put("protocol", "TCP");
    ArrayNode list = s.putArray("endpoints");
    for (int i = 0; i < endpoints; i++) {
      ObjectNode e = list.addObject();
      e.putArray("addresses").add("10." + (seed % 250) + "." + (i / 250) + "." + (i % 250 + 1));
      e.with("conditions").put("ready", (i + round) % 4 != 0);
      e.put("nodeName", "node-" + (i % 10)).put("zone", "eu-west-1a");
      e.with("targetRef").put("kind", "Pod").put("namespace", "shop").put("name", "pod-" + i);
    }
    return s;
  }

  private static ObjectNode node(String name) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.with("metadata").put("name", name);
    n.with("spec").put("providerID", "aws:///eu-west-1a/i-" + name);
    n.with("status").putArray("conditions").addObject().put("type", "Ready").put("status", "True");
    return n;
  }
}
