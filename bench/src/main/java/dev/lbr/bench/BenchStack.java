package dev.lbr.bench;

import dev.lbr.event.Events;
import dev.lbr.event.Operation;
import dev.lbr.k8s.K8sObject;
import dev.lbr.manifest.Manifests;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One Service → NLB stack with ip targets (the annotations of scenario 01-echo-nlb) and the events
 * the forwarder would send for it: the objects are built from YAML, each change with a higher
 * resourceVersion.
 */
final class BenchStack {
  private static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: %1$s
        namespace: default
        uid: %2$s
        resourceVersion: "1"
        annotations:
          service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
          service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing
          service.beta.kubernetes.io/aws-load-balancer-healthcheck-port: "8080"
          service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled: "true"
          service.beta.kubernetes.io/aws-load-balancer-target-group-attributes: deregistration_delay.timeout_seconds=60
      spec:
        type: LoadBalancer
        loadBalancerClass: service.k8s.aws/nlb
        ports:
          - port: 80
            targetPort: 8080
            protocol: TCP
      """;

  private static final String SLICE =
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: %1$s-x7k2p
        namespace: default
        uid: %2$s
        resourceVersion: "%3$d"
        labels:
          kubernetes.io/service-name: %1$s
      addressType: IPv4
      ports:
        - name: ""
          port: 8080
          protocol: TCP
      endpoints:
      %4$s""";

  private final String cluster;
  private final String name;
  private final int index;
  private final K8sObject service;
  private K8sObject slice;
  private long sliceVersion = 1;

  BenchStack(String cluster, int index) {
    this.cluster = cluster;
    this.index = index;
    this.name = "bench-%02d".formatted(index);
    this.service = parse(SERVICE.formatted(name, uid("svc")));
  }

  /** The Service and its slice with {@code targets} ready pods. */
  List<String> create(int targets) {
    slice = slice(targets);
    return List.of(upsert(service), upsert(slice));
  }

  /** Only the slice changes (a rollout or an autoscaler): what the targets function receives. */
  List<String> scale(int targets) {
    slice = slice(targets);
    return List.of(upsert(slice));
  }

  /** The same objects again (a resync or a duplicate delivery). */
  List<String> reapply() {
    return List.of(upsert(service), upsert(slice));
  }

  /** The Service and its slice are gone. */
  List<String> delete() {
    String next = Long.toString(sliceVersion + 1);
    return List.of(
        Events.deleteEnvelope(cluster, service.key(), uid("svc"), next, Instant.now()),
        Events.deleteEnvelope(cluster, slice.key(), uid("slice"), next, Instant.now()));
  }

  private K8sObject slice(int targets) {
    String endpoints =
        IntStream.range(0, targets)
            .mapToObj(
                t ->
                    """
                      - addresses: ["192.168.%1$d.%2$d"]
                        conditions: {ready: true, serving: true, terminating: false}
                        targetRef: {kind: Pod, namespace: default, name: %3$s-pod-%2$d}
                    """
                        .formatted(1 + index % 250, 10 + t, name))
            .collect(Collectors.joining());
    return parse(SLICE.formatted(name, uid("slice"), ++sliceVersion, endpoints));
  }

  private String upsert(K8sObject object) {
    return Events.envelope(cluster, object, Operation.UPSERT, Instant.now());
  }

  private String uid(String what) {
    return UUID.nameUUIDFromBytes((name + "/" + what).getBytes()).toString();
  }

  private K8sObject parse(String yaml) {
    return Manifests.parse(yaml, Path.of(name + ".yaml")).get(0);
  }
}
