package dev.lbr.bench;

import dev.lbr.aws.CallCounter;
import dev.lbr.event.Events;
import dev.lbr.event.Operation;
import dev.lbr.functions.ReconcileHandler;
import dev.lbr.functions.SqsBatches;
import dev.lbr.k8s.K8sObject;
import dev.lbr.manifest.Manifests;
import dev.lbr.testing.AwsEmulator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * ELBv2 calls and time when one Node joins (and then leaves) a cluster whose {@code --stacks} (100)
 * Services each have an NLB in instance mode: one target group per Service, every Ready node
 * registered on the NodePort. Run by {@code bin/bench node-join}.
 */
final class NodeJoinBenchmark {
  static final String CLUSTER = "bench";

  public static void main(String[] args) {
    int stacks = ReconcileBenchmark.option(args, "--stacks", 100);
    int nodes = ReconcileBenchmark.option(args, "--nodes", 3);
    BenchAccount account = BenchAccount.start(CLUSTER, UnaryOperator.identity());
    CallCounter calls = account.calls();
    var reconcile = account.reconcileHandler();

    List<String> setup = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      setup.add(upsert(node(n, true, 10 + n)));
    }
    for (int s = 0; s < stacks; s++) {
      setup.add(upsert(parse(SERVICE.formatted(s, 30000 + s))));
    }
    send(reconcile, setup, "setup");

    Report report = new Report();
    long heap = 0;
    for (var step :
        List.of(
            new Object[] {"node joins", node(nodes, true, 100)},
            new Object[] {"node leaves", node(nodes, false, 101)})) {
      calls.reset();
      HeapPeak.reset();
      long start = System.nanoTime();
      send(reconcile, List.of(upsert((K8sObject) step[1])), (String) step[0]);
      report.add((String) step[0], calls, System.nanoTime() - start);
      heap = Math.max(heap, HeapPeak.mebibytes());
    }
    System.out.print(
        report.render(
            "one Node event, %d Services with an instance-mode NLB (one target group each), %d nodes, on %s (%s)"
                .formatted(stacks, nodes, AwsEmulator.setting(), AwsEmulator.endpoint())));
    System.out.printf(
        "%npeak heap during one Node event: %d MiB (DynamoDB Local included)%n", heap);
    account.clients().close();
    System.exit(0);
  }

  private static void send(ReconcileHandler handler, List<String> events, String label) {
    SqsBatches.Response response = ReconcileBenchmark.send(handler, events);
    if (!response.batchItemFailures().isEmpty()) {
      System.err.println(label + " failed: " + response);
      System.exit(1);
    }
  }

  private static K8sObject node(int n, boolean ready, int version) {
    return parse(NODE.formatted(n, ready ? "True" : "False", version));
  }

  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        namespace: default
        name: svc-%1$03d
        uid: bench-svc-%1$03d
        resourceVersion: "1000"
        annotations:
          service.beta.kubernetes.io/aws-load-balancer-type: external
          service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: instance
      spec:
        type: LoadBalancer
        ports: [{port: 80, targetPort: 8080, nodePort: %2$d, protocol: TCP}]
      """;

  private static final String NODE =
      """
      apiVersion: v1
      kind: Node
      metadata: {name: node-%1$d, resourceVersion: "%3$d"}
      spec: {providerID: "aws:///us-east-1a/i-0000000000000%1$04d"}
      status:
        conditions: [{type: Ready, status: "%2$s"}]
      """;

  private static K8sObject parse(String yaml) {
    return Manifests.parse(yaml, Path.of("bench.yaml")).get(0);
  }

  private static String upsert(K8sObject object) {
    return Events.envelope(CLUSTER, object, Operation.UPSERT, Instant.now());
  }
}
