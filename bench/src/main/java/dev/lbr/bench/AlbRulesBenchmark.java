package dev.lbr.bench;

import dev.lbr.aws.CallCounter;
import dev.lbr.event.Events;
import dev.lbr.event.Operation;
import dev.lbr.functions.ReconcileHandler;
import dev.lbr.functions.SqsBatches;
import dev.lbr.k8s.K8sObject;
import dev.lbr.manifest.Manifests;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.MotoQuirks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * ELBv2 calls when an ALB that already has {@code --rules} (50) rules gets one more path: appended
 * after the others, or inserted first (which shifts every other rule's priority), then one path
 * re-pointed to another Service. Each of {@code --rounds} Ingresses (one ALB each) goes through
 * every step through the reconcile function. Run by {@code bin/bench alb-rules}.
 */
final class AlbRulesBenchmark {
  static final String CLUSTER = "bench";
  private static final int SERVICES = 5;

  public static void main(String[] args) {
    int rules = ReconcileBenchmark.option(args, "--rules", 50);
    int rounds = ReconcileBenchmark.option(args, "--rounds", 5);
    // moto refuses a SetRulePriorities that shifts rules down (AWS accepts it): on moto only,
    // each such call is made in two, so "insert 1st" shows two of them
    BenchAccount account = BenchAccount.start(CLUSTER, MotoQuirks::ruleMovesInSteps);
    CallCounter calls = account.calls();
    var reconcile = account.reconcileHandler();

    Report report = new Report();
    for (int round = 0; round < rounds; round++) {
      Shop shop = new Shop("shop-" + round, rules);
      List<String> first = new ArrayList<>(List.of(upsert(parse(CLASS))));
      first.addAll(shop.backends());
      first.add(shop.ingress());
      step(report, calls, "create", reconcile, first);
      step(report, calls, "no-op", reconcile, List.of(shop.ingress()));
      shop.paths.add("/appended");
      step(report, calls, "append", reconcile, List.of(shop.ingress()));
      shop.paths.add(0, "/inserted");
      step(report, calls, "insert 1st", reconcile, List.of(shop.ingress()));
      shop.retargeted = shop.paths.get(rules / 2);
      step(report, calls, "retarget", reconcile, List.of(shop.ingress()));
    }
    System.out.print(
        report.render(
            "%d ALBs, each an Ingress of %d Exact paths (%d rules) over %d Services, on %s (%s)"
                .formatted(
                    rounds,
                    rules,
                    rules,
                    SERVICES,
                    AwsEmulator.setting(),
                    AwsEmulator.endpoint())));
    account.clients().close();
    System.exit(0);
  }

  private static void step(
      Report report, CallCounter calls, String label, ReconcileHandler handler, List<String> e) {
    calls.reset();
    long start = System.nanoTime();
    SqsBatches.Response response = ReconcileBenchmark.send(handler, e);
    long nanos = System.nanoTime() - start;
    if (!response.batchItemFailures().isEmpty()) {
      System.err.println(label + " failed: " + response);
      System.exit(1); // moto and DynamoDB Local keep the JVM alive otherwise
    }
    report.add(label, calls, nanos);
  }

  /** One namespace: Services svc-0..4 with a slice each, and an Ingress of many Exact paths. */
  private static final class Shop {
    final String namespace;
    final List<String> paths;
    String retargeted;
    long version = 100;

    Shop(String namespace, int rules) {
      this.namespace = namespace;
      this.paths =
          new ArrayList<>(IntStream.range(0, rules).mapToObj(i -> "/p%02d".formatted(i)).toList());
    }

    /** A path keeps its Service when others are added; the retargeted one moves to the next. */
    int service(String path) {
      int s = Math.floorMod(path.hashCode(), SERVICES);
      return path.equals(retargeted) ? (s + 1) % SERVICES : s;
    }

    List<String> backends() {
      List<String> events = new ArrayList<>();
      for (int s = 0; s < SERVICES; s++) {
        events.add(upsert(parse(SERVICE.formatted(namespace, s))));
        events.add(upsert(parse(SLICE.formatted(namespace, s, 10 + s))));
      }
      return events;
    }

    String ingress() {
      String rendered =
          IntStream.range(0, paths.size())
              .mapToObj(
                  i ->
                      "          - {path: %s, pathType: Exact, backend: {service: {name: svc-%d, port: {number: 80}}}}\n"
                          .formatted(paths.get(i), service(paths.get(i))))
              .collect(Collectors.joining());
      return upsert(parse(INGRESS.formatted(namespace, ++version, rendered)));
    }
  }

  private static final String CLASS =
      """
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: alb, resourceVersion: "1"}
      spec: {controller: ingress.k8s.aws/alb}
      """;

  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata: {namespace: %1$s, name: svc-%2$d, uid: %1$s-svc-%2$d, resourceVersion: "2"}
      spec: {type: ClusterIP, ports: [{port: 80, targetPort: 8080, protocol: TCP}]}
      """;

  private static final String SLICE =
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        namespace: %1$s
        name: svc-%2$d-abcde
        resourceVersion: "3"
        labels: {kubernetes.io/service-name: svc-%2$d}
      addressType: IPv4
      ports: [{name: "", port: 8080, protocol: TCP}]
      endpoints:
        - addresses: ["10.0.%3$d.10"]
          conditions: {ready: true, serving: true, terminating: false}
      """;

  private static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        namespace: %1$s
        name: shop
        uid: %1$s-ingress
        resourceVersion: "%2$d"
        annotations:
          alb.ingress.kubernetes.io/scheme: internet-facing
          alb.ingress.kubernetes.io/target-type: ip
      spec:
        ingressClassName: alb
        rules:
        - http:
            paths:
      %3$s""";

  private static K8sObject parse(String yaml) {
    return Manifests.parse(yaml, Path.of("bench.yaml")).get(0);
  }

  private static String upsert(K8sObject object) {
    return Events.envelope(CLUSTER, object, Operation.UPSERT, Instant.now());
  }
}
