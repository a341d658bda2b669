package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Binding;
import dev.lbr.event.StackResult.LoadBalancer;
import dev.lbr.event.StackResult.Member;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.forwarder.ForwarderOptions.BindingsSetting;
import dev.lbr.forwarder.kube.FakeKubeApiServer;
import dev.lbr.k8s.Json;
import dev.lbr.testing.MutableClock;
import io.kubernetes.client.openapi.ApiClient;
import java.util.ArrayList;
import java.util.List;

/** Objects, results and a writer on the in-test API server, for the write-back's tests. */
final class Fixtures {
  static final String CLUSTER = "demo";
  static final String DNS = "k8s-shop-web-0a1b2c3d4e-0123456789.elb.eu-west-1.amazonaws.com";
  static final String TG = "k8s-shop-web-6d5c4b3a2f";

  private Fixtures() {}

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode service(String ns, String name) {
    return parse(
        """
        {'metadata': {'namespace': '%s', 'name': '%s', 'generation': 3},
         'spec': {'type': 'LoadBalancer', 'ports': [
           {'name': 'http', 'port': 80, 'targetPort': 8080, 'protocol': 'TCP'},
           {'name': 'dns', 'port': 53, 'targetPort': 53, 'protocol': 'UDP'}]},
         'status': {'loadBalancer': {}}}
        """
            .formatted(ns, name));
  }

  static ObjectNode ingress(String ns, String name, String group) {
    return parse(
        """
        {'metadata': {'namespace': '%s', 'name': '%s', 'generation': 1,
           'annotations': {'alb.ingress.kubernetes.io/group.name': '%s'}},
         'spec': {'ingressClassName': 'alb', 'defaultBackend':
           {'service': {'name': 'web', 'port': {'number': 80}}}}}
        """
            .formatted(ns, name, group));
  }

  /** A running pod with the readiness gate {@code gate}, as the kubelet reports it. */
  static ObjectNode pod(String ns, String name, String gate) {
    return parse(
        """
        {'metadata': {'namespace': '%s', 'name': '%s'},
         'spec': {'nodeName': 'node-a', 'readinessGates': [{'conditionType': '%s'}],
           'containers': [{'name': 'web', 'image': 'nginx'}]},
         'status': {'phase': 'Running', 'podIP': '10.0.1.7', 'conditions': [
           {'type': 'ContainersReady', 'status': 'True',
            'lastTransitionTime': '2026-01-01T00:00:05Z'},
           {'type': 'Ready', 'status': 'False', 'reason': 'ReadinessGatesNotReady',
            'message': 'corresponding condition of pod readiness gate is not True'}]}}
        """
            .formatted(ns, name, gate));
  }

  static StatusWriter writer(FakeKubeApiServer api, BindingsSetting bindings, MutableClock clock) {
    return new StatusWriter(kube(api), CLUSTER, List.of(), bindings, "lbr-forwarder-0", clock);
  }

  static KubeRest kube(FakeKubeApiServer api) {
    return new KubeRest(new ApiClient().setBasePath(api.url()));
  }

  static Member member(
      FakeKubeApiServer api, FakeKubeApiServer.Resource r, String ns, String name) {
    JsonNode meta = api.get(r, ns, name).orElseThrow().path("metadata");
    return new Member(
        r.kind(), ns, name, meta.path("uid").asText(), meta.path("generation").asLong());
  }

  static Binding binding(String ns, String service) {
    return new Binding(
        TG,
        ns,
        "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/"
            + TG
            + "/0123456789abcdef",
        service,
        "80",
        "ip",
        "ipv4",
        "TCP",
        "vpc-0123",
        null);
  }

  static StackResult result(
      String stack, long sequence, Outcome outcome, List<Member> objects, List<Binding> bindings) {
    String reason =
        switch (outcome) {
          case RECONCILED -> StackResult.REASON_RECONCILED;
          case INVALID -> StackResult.REASON_BUILD_FAILED;
          case FAILED -> StackResult.REASON_DEPLOY_FAILED;
          case DELETED -> null;
        };
    String message =
        switch (outcome) {
          case RECONCILED -> "Successfully reconciled";
          case INVALID -> "Failed build model due to unknown scheme \"internal-facing\"";
          case FAILED -> "Failed deploy model due to AccessDenied";
          case DELETED -> null;
        };
    LoadBalancer lb =
        outcome == Outcome.RECONCILED ? new LoadBalancer(DNS, List.of(80, 443)) : null;
    return new StackResult(
        StackResult.SCHEMA_VERSION,
        CLUSTER,
        stack,
        sequence,
        outcome,
        reason,
        message,
        objects,
        lb,
        bindings,
        List.of());
  }

  /** The Events of an object: {@code type reason message xCOUNT}. */
  static List<String> events(FakeKubeApiServer api, String ns, String name) {
    List<String> out = new ArrayList<>();
    for (ObjectNode e : api.objects(FakeKubeApiServer.EVENTS)) {
      JsonNode about = e.path("involvedObject");
      if (about.path("namespace").asText().equals(ns) && about.path("name").asText().equals(name)) {
        out.add(
            e.path("type").asText()
                + " "
                + e.path("reason").asText()
                + " "
                + e.path("message").asText()
                + " x"
                + e.path("count").asInt());
      }
    }
    return out;
  }

  static List<String> finalizers(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.path("metadata").path("finalizers").forEach(f -> out.add(f.asText()));
    return out;
  }

  static long count(List<String> requests, String request) {
    return requests.stream().filter(request::equals).count();
  }
}
