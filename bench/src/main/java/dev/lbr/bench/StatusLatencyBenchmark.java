package dev.lbr.bench;

import dev.lbr.e2e.Kubectl;
import dev.lbr.e2e.Loop;
import dev.lbr.e2e.Manifests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Latency from a Kubernetes change to what the user sees, through the whole loop as it runs (the
 * forwarder jar and {@code lbr serve} as processes, the in-test API server, the emulator): a new
 * Service until its {@code status.loadBalancer} hostname is written, and an annotation made invalid
 * until the Warning event exists. Changes are made one at a time. Prints a Markdown table.
 */
final class StatusLatencyBenchmark {
  private StatusLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int services = ReconcileBenchmark.option(args, "--services", 20);
    List<Long> created = new ArrayList<>();
    List<Long> invalid = new ArrayList<>();
    try (Loop loop = Loop.prepare(null)) {
      // The Deployment's default coalescing window (1 s), as a user runs it.
      loop.startServe(Duration.ZERO).startForwarder(Duration.ofSeconds(1));
      // The first change also waits for the forwarder's start and first sync: warm up.
      measure(loop, "warm-up", "default", "svc-warmup");
      for (int i = 0; i < services; i++) {
        created.add(measure(loop, "created", "default", "svc-" + i));
      }
      for (int i = 0; i < services; i++) {
        invalid.add(invalidate(loop, "default", "svc-" + i));
      }
    }
    System.out.println(
        "| change (" + services + " Services, one at a time) | median ms | p99 ms | max ms |");
    System.out.println("|---|---:|---:|---:|");
    row("Service created → status.loadBalancer hostname written", created);
    row("annotation made invalid → Warning FailedBuildModel event", invalid);
  }

  private static long measure(Loop loop, String what, String ns, String name) {
    long start = System.nanoTime();
    Manifests.apply(loop.api, loop.kube, Manifests.parse(service(ns, name, "internet-facing")));
    loop.await(
        what + " " + name,
        Duration.ofMinutes(2),
        () -> loop.kube.service(ns, name).flatMap(Kubectl::hostname).isPresent());
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long invalidate(Loop loop, String ns, String name) {
    long start = System.nanoTime();
    Manifests.apply(loop.api, loop.kube, Manifests.parse(service(ns, name, "sideways")));
    loop.await(
        "warning on " + name,
        Duration.ofMinutes(2),
        () ->
            loop.kube.events(ns).stream()
                .anyMatch(
                    e ->
                        e.path("reason").asText().equals("FailedBuildModel")
                            && e.path("involvedObject").path("name").asText().equals(name)));
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void row(String label, List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    long median = sorted.get(sorted.size() / 2);
    long p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
    System.out.printf("| %s | %d | %d | %d |%n", label, median, p99, sorted.get(sorted.size() - 1));
  }

  private static String service(String ns, String name, String scheme) {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: %s
          namespace: %s
          annotations:
            service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
            service.beta.kubernetes.io/aws-load-balancer-scheme: %s
        spec:
          type: LoadBalancer
          loadBalancerClass: service.k8s.aws/nlb
          selector: {app: %s}
          ports: [{port: 80, targetPort: 8080, protocol: TCP}]
        """
        .formatted(name, ns, scheme, name);
  }
}
