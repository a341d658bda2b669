package dev.lbr.k8s.validation;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.Kind;

/** Valid projected objects of each kind, and one-field edits of them, for the validation tables. */
final class Objects {
  private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
      new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();

  private Objects() {}

  static final String SERVICE =
      """
      apiVersion: v1
      kind: Service
      metadata:
        namespace: default
        name: echo
        labels: {app.kubernetes.io/name: echo}
        annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internet-facing}
      spec:
        type: LoadBalancer
        loadBalancerClass: service.k8s.aws/nlb
        selector: {app: echo}
        loadBalancerSourceRanges: [10.0.0.0/16, "2001:db8::/32"]
        externalTrafficPolicy: Local
        healthCheckNodePort: 32000
        ipFamilies: [IPv4]
        ports:
          - {name: http, protocol: TCP, port: 80, targetPort: 8080, nodePort: 30080}
          - {name: dns, protocol: UDP, port: 53, targetPort: dns, nodePort: 0}
      """;

  static final String ENDPOINT_SLICE =
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        namespace: default
        name: echo-x7k2p
        labels: {kubernetes.io/service-name: echo}
      addressType: IPv4
      ports: [{name: "", port: 8080, protocol: TCP}]
      endpoints:
        - addresses: [192.168.1.187]
          conditions: {ready: true, serving: true, terminating: false}
          nodeName: ip-192-168-1-10.eu-west-1.compute.internal
          zone: eu-west-1a
          targetRef: {kind: Pod, namespace: default, name: echo-1}
      """;

  static final String INGRESS =
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {namespace: game, name: game-2048}
      spec:
        ingressClassName: alb
        tls: [{hosts: [game.example.com, "*.apps.example.com"], secretName: game-tls}]
        rules:
          - host: game.example.com
            http:
              paths:
                - path: /
                  pathType: Prefix
                  backend: {service: {name: game, port: {number: 80}}}
                - path: /api
                  pathType: Exact
                  backend: {service: {name: api, port: {name: http}}}
          - host: "*.apps.example.com"
            http:
              paths:
                - pathType: ImplementationSpecific
                  backend: {service: {name: game, port: {number: 80}}}
      """;

  static final String NODE =
      """
      apiVersion: v1
      kind: Node
      metadata: {name: ip-10-0-1-10.eu-west-1.compute.internal}
      spec:
        providerID: aws:///eu-west-1a/i-0123456789abcdef0
        taints: [{key: node.kubernetes.io/unschedulable, effect: NoSchedule}]
      status:
        conditions: [{type: Ready, status: "True"}]
      """;

  static final String INGRESS_CLASS =
      """
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata: {name: alb}
      spec:
        controller: ingress.k8s.aws/alb
        parameters: {apiGroup: elbv2.k8s.aws, kind: IngressClassParams, name: alb}
      """;

  static ObjectNode of(String yaml) {
    try {
      return (ObjectNode) YAML.readTree(yaml);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The object with the value at a JSON pointer replaced by {@code json} (removed when null). A
   * pointer ending in {@code /-} appends to a list.
   */
  static ObjectNode with(String yaml, String pointer, String json) {
    ObjectNode root = of(yaml);
    JsonPointer at = JsonPointer.compile(pointer);
    JsonNode parent = root.at(at.head());
    String last = at.last().getMatchingProperty();
    JsonNode value;
    try {
      value = json == null ? null : Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
    if (parent instanceof ObjectNode object) {
      if (value == null) {
        object.remove(last);
      } else {
        object.set(last, value);
      }
    } else if (parent instanceof ArrayNode array) {
      if (last.equals("-")) {
        array.add(value);
      } else if (value == null) {
        array.remove(Integer.parseInt(last));
      } else {
        array.set(Integer.parseInt(last), value);
      }
    } else {
      throw new IllegalArgumentException("no parent for " + pointer);
    }
    return root;
  }

  /** The kind's validation errors, as one line. */
  static String errors(Kind kind, JsonNode object) {
    return FieldError.join(ObjectValidation.errors(kind, object));
  }
}
