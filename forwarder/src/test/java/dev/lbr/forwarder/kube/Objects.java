package dev.lbr.forwarder.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;

/** Raw Kubernetes objects as an API server holds them (with managedFields and status). */
final class Objects {

  private Objects() {}

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode nlbService(String ns, String name, String marker) {
    return parse(
        """
        {'metadata': {'namespace': '%s', 'name': '%s',
           'annotations': {'marker': '%s'},
           'managedFields': [{'manager': 'kubectl', 'operation': 'Apply'}]},
         'spec': {'type': 'LoadBalancer', 'loadBalancerClass': 'service.k8s.aws/nlb',
           'selector': {'app': '%s'},
           'ports': [{'name': 'http', 'port': 80, 'targetPort': 8080, 'protocol': 'TCP'}]},
         'status': {'loadBalancer': {}}}
        """
            .formatted(ns, name, marker, name));
  }

  static ObjectNode clusterIpService(String ns, String name) {
    return parse(
        """
        {'metadata': {'namespace': '%s', 'name': '%s'},
         'spec': {'type': 'ClusterIP', 'selector': {'app': '%s'},
           'ports': [{'name': 'http', 'port': 80, 'targetPort': 8080, 'protocol': 'TCP'}]}}
        """
            .formatted(ns, name, name));
  }

  static ObjectNode slice(String ns, String name, String service, String ip) {
    return parse(
        """
        {'metadata': {'namespace': '%s', 'name': '%s',
           'labels': {'kubernetes.io/service-name': '%s'},
           'managedFields': [{'manager': 'kube-controller-manager'}]},
         'addressType': 'IPv4',
         'ports': [{'name': 'http', 'port': 8080, 'protocol': 'TCP'}],
         'endpoints': [{'addresses': ['%s'], 'conditions': {'ready': true},
           'nodeName': 'node-a', 'zone': 'eu-west-1a'}]}
        """
            .formatted(ns, name, service, ip));
  }

  static ObjectNode albClass(String name) {
    return parse(
        """
        {'metadata': {'name': '%s'}, 'spec': {'controller': 'ingress.k8s.aws/alb'}}
        """
            .formatted(name));
  }

  static ObjectNode otherClass(String name) {
    return parse(
        """
        {'metadata': {'name': '%s'}, 'spec': {'controller': 'k8s.io/ingress-nginx'}}
        """
            .formatted(name));
  }

  static ObjectNode params(String name) {
    return parse(
        """
        {'metadata': {'name': '%s'}, 'spec': {'scheme': 'internet-facing'}}
        """
            .formatted(name));
  }

  static ObjectNode ingress(String ns, String name, String className, String backend) {
    return parse(
        """
        {'metadata': {'namespace': '%s', 'name': '%s'},
         'spec': {'ingressClassName': '%s',
           'rules': [{'http': {'paths': [{'path': '/', 'pathType': 'Prefix',
             'backend': {'service': {'name': '%s', 'port': {'number': 80}}}}]}}]}}
        """
            .formatted(ns, name, className, backend));
  }

  /** A TargetGroupBinding of {@code service}'s port 80; {@code lbrWritten}: labelled as lbr's. */
  static ObjectNode binding(String ns, String name, String service, boolean lbrWritten) {
    return parse(
        """
        {'metadata': {'namespace': '%s', 'name': '%s', 'labels': {%s},
           'managedFields': [{'manager': 'kubectl', 'operation': 'Apply'}]},
         'spec': {'targetGroupARN':
             'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/%s/0123456789abcdef',
           'targetType': 'ip', 'serviceRef': {'name': '%s', 'port': 80}},
         'status': {'observedGeneration': 1}}
        """
            .formatted(
                ns,
                name,
                lbrWritten ? "'app.kubernetes.io/managed-by': 'lbr'" : "",
                name,
                service));
  }

  static ObjectNode node(String name) {
    return parse(
        """
        {'metadata': {'name': '%s', 'labels': {'topology.kubernetes.io/zone': 'eu-west-1a'},
           'managedFields': [{'manager': 'kubelet'}]},
         'spec': {'providerID': 'aws:///eu-west-1a/i-0123'},
         'status': {'conditions': [{'type': 'Ready', 'status': 'True',
           'message': 'kubelet is posting ready status'}]}}
        """
            .formatted(name));
  }

  /**
   * A running pod as the kubelet reports it, with the readiness gate {@code gate} (none when null)
   * and {@code marker} in a field the projection leaves out (a container's restart count).
   */
  static ObjectNode pod(String ns, String name, String gate, int marker) {
    return parse(
        """
        {'metadata': {'namespace': '%s', 'name': '%s', 'labels': {'app': 'web'},
           'managedFields': [{'manager': 'kubelet'}]},
         'spec': {'nodeName': 'node-a', 'containers': [{'name': 'web', 'image': 'nginx'}],
           'readinessGates': [%s]},
         'status': {'phase': 'Running', 'podIP': '10.0.1.7',
           'conditions': [
             {'type': 'PodScheduled', 'status': 'True'},
             {'type': 'ContainersReady', 'status': 'True', 'lastTransitionTime': '2026-01-01T00:00:05Z'},
             {'type': 'Ready', 'status': 'False', 'reason': 'ReadinessGatesNotReady',
              'message': 'corresponding condition of pod readiness gate is not True'}],
           'containerStatuses': [{'name': 'web', 'ready': true, 'restartCount': %d}]}}
        """
            .formatted(ns, name, gate == null ? "" : "{'conditionType': '" + gate + "'}", marker));
  }

  /** The object as the API server shows it once deleted while finalizers hold it. */
  static ObjectNode beingDeleted(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    ObjectNode meta = copy.with("metadata");
    meta.put("deletionTimestamp", "2026-01-02T00:00:00Z");
    meta.putArray("finalizers").add("service.k8s.aws/resources");
    return copy;
  }
}
