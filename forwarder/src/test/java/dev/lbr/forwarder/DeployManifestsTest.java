package dev.lbr.forwarder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain manifests in forwarder/deploy/: identity, least-privilege RBAC, a hardened pod. */
class DeployManifestsTest {
  static final String NS = "lbr-system";
  static final String SA = "lbr-forwarder";
  static final Set<String> READ = Set.of("get", "list", "watch");

  static final Set<String> READ_PATCH = Set.of("get", "list", "watch", "patch");
  static final Set<String> PATCH = Set.of("patch");

  /**
   * group → resource → verbs: exactly what the ClusterRole may grant. Read on the watched kinds
   * (TargetGroupBindings and Pods among them); for the status write-back: patches of Services and
   * Ingresses (finalizers) and of their status, Events, lbr's TargetGroupBindings, patches of
   * users' TargetGroupBindings (LBC's finalizer) and of their status (observedGeneration), pods'
   * status (readiness gate conditions), and a read of LBC's webhook configuration.
   */
  static final Map<String, Map<String, Set<String>>> CLUSTER_GRANTS =
      Map.of(
          "",
              Map.of(
                  "services", READ_PATCH,
                  "services/status", PATCH,
                  "nodes", READ,
                  "pods", READ,
                  "pods/status", PATCH,
                  "events", Set.of("create", "patch")),
          "networking.k8s.io",
              Map.of("ingresses", READ_PATCH, "ingresses/status", PATCH, "ingressclasses", READ),
          "discovery.k8s.io", Map.of("endpointslices", READ),
          "elbv2.k8s.aws",
              Map.of(
                  "ingressclassparams",
                  READ,
                  "targetgroupbindings",
                  Set.of("get", "list", "watch", "create", "update", "patch", "delete"),
                  "targetgroupbindings/status",
                  PATCH),
          "admissionregistration.k8s.io", Map.of("mutatingwebhookconfigurations", Set.of("get")));

  static final Map<String, Map<String, Set<String>>> LEASE_GRANTS =
      Map.of("coordination.k8s.io", Map.of("leases", Set.of("get", "create", "update")));

  /** The webhook's Role: create Secrets (RBAC cannot narrow create by name). */
  static final Map<String, Map<String, Set<String>>> WEBHOOK_GRANTS =
      Map.of("", Map.of("secrets", Set.of("create")));

  /** A rule narrowed by resourceNames: at most these verbs on these names. */
  record Narrowed(String group, String resource, Set<String> names, Set<String> verbs) {}

  /** The ClusterRole's narrowed rules: the webhook's own configuration, its caBundle. */
  static final List<Narrowed> CLUSTER_NARROWED =
      List.of(
          new Narrowed(
              "admissionregistration.k8s.io",
              "mutatingwebhookconfigurations",
              Set.of("lbr-pod-readiness-gate"),
              Set.of("get", "patch")));

  /** The webhook Role's narrowed rule: its certificates' Secret. */
  static final List<Narrowed> WEBHOOK_NARROWED =
      List.of(new Narrowed("", "secrets", Set.of("lbr-webhook-tls"), Set.of("get", "update")));

  static List<JsonNode> docs;

  @BeforeAll
  static void load() throws IOException {
    docs = load(Path.of("deploy"));
  }

  static List<JsonNode> load(Path dir) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path file : files) {
      try (MappingIterator<JsonNode> it =
          yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
        while (it.hasNext()) {
          JsonNode doc = it.next();
          if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
            out.add(doc);
          }
        }
      }
    }
    return out;
  }

  static JsonNode one(String kind, String name) {
    List<JsonNode> found =
        docs.stream()
            .filter(d -> kind.equals(d.path("kind").asText()))
            .filter(d -> name.equals(d.path("metadata").path("name").asText()))
            .toList();
    assertThat(found).as("%s %s", kind, name).hasSize(1);
    return found.get(0);
  }

  static List<JsonNode> all(String kind) {
    return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
  }

  @Test
  void namespaceAndServiceAccountForIrsa() {
    one("Namespace", NS);
    JsonNode sa = one("ServiceAccount", SA);
    assertThat(sa.path("metadata").path("namespace").asText()).isEqualTo(NS);
    assertThat(sa.path("metadata").path("annotations").path("eks.amazonaws.com/role-arn").asText())
        .isEqualTo("REPLACE_WITH_FORWARDER_ROLE_ARN");
  }

  @Test
  void everyNamespacedObjectIsInLbrSystem() {
    Set<String> clusterScoped =
        Set.of(
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "MutatingWebhookConfiguration");
    for (JsonNode d : docs) {
      if (!clusterScoped.contains(d.path("kind").asText())) {
        assertThat(d.path("metadata").path("namespace").asText())
            .as("namespace of %s %s", d.path("kind"), d.path("metadata").path("name"))
            .isEqualTo(NS);
      }
    }
  }

  @Test
  void clusterRoleGrantsExactlyReadOnTheWatchedKindsAndTheWriteBacksWrites() {
    assertThat(all("ClusterRole")).hasSize(1);
    JsonNode role = one("ClusterRole", "lbr-forwarder");
    assertThat(grants(role)).isEqualTo(CLUSTER_GRANTS);
    assertThat(narrowed(role)).containsExactlyInAnyOrderElementsOf(CLUSTER_NARROWED);
    assertThat(violations(role, CLUSTER_GRANTS, CLUSTER_NARROWED)).isEmpty();
  }

  @Test
  void roleGrantsOnlyLeasesInTheForwarderNamespace() {
    assertThat(all("Role")).hasSize(2);
    JsonNode role = one("Role", "lbr-forwarder-leader-election");
    assertThat(role.path("metadata").path("namespace").asText()).isEqualTo(NS);
    assertThat(grants(role)).isEqualTo(LEASE_GRANTS);
    assertThat(narrowed(role)).isEmpty();
    assertThat(violations(role, LEASE_GRANTS)).isEmpty();
  }

  @Test
  void webhookRoleGrantsOnlyItsSecretInTheForwarderNamespace() {
    JsonNode role = one("Role", "lbr-forwarder-webhook");
    assertThat(role.path("metadata").path("namespace").asText()).isEqualTo(NS);
    assertThat(grants(role)).isEqualTo(WEBHOOK_GRANTS);
    assertThat(narrowed(role)).containsExactlyInAnyOrderElementsOf(WEBHOOK_NARROWED);
    assertThat(violations(role, WEBHOOK_GRANTS, WEBHOOK_NARROWED)).isEmpty();
    JsonNode binding = one("RoleBinding", "lbr-forwarder-webhook");
    assertThat(binding.path("roleRef").path("name").asText()).isEqualTo("lbr-forwarder-webhook");
    assertOnlySubjectIsTheServiceAccount(binding);
  }

  @Test
  void webhookServiceReachesTheForwarderPodsWebhookPort() {
    JsonNode service = one("Service", "lbr-webhook");
    JsonNode pod = one("Deployment", "lbr-forwarder").path("spec").path("template");
    service
        .path("spec")
        .path("selector")
        .fields()
        .forEachRemaining(
            e ->
                assertThat(pod.path("metadata").path("labels").path(e.getKey()).asText())
                    .as("selector %s", e.getKey())
                    .isEqualTo(e.getValue().asText()));
    assertThat(service.path("spec").path("selector").size()).isPositive();
    JsonNode port = service.path("spec").path("ports").get(0);
    assertThat(port.path("port").asInt()).isEqualTo(443);
    JsonNode container = pod.path("spec").path("containers").get(0);
    JsonNode webhookPort = null;
    for (JsonNode p : container.path("ports")) {
      if (p.path("name").asText().equals(port.path("targetPort").asText())) {
        webhookPort = p;
      }
    }
    assertThat(webhookPort).as("container port %s", port.path("targetPort")).isNotNull();
    assertThat(webhookPort.path("containerPort").asInt())
        .isEqualTo(ForwarderOptions.DEFAULT_WEBHOOK_PORT);
    for (JsonNode e : container.path("env")) {
      if ("WEBHOOK_PORT".equals(e.path("name").asText())) {
        assertThat(e.path("value").asInt()).isEqualTo(webhookPort.path("containerPort").asInt());
      }
    }
  }

  @Test
  void theMutatingWebhookIsLbcsPodMutatorOnLabelledNamespacesAndNeverBlocks() {
    JsonNode config = one("MutatingWebhookConfiguration", "lbr-pod-readiness-gate");
    assertThat(config.path("webhooks")).hasSize(1);
    JsonNode w = config.path("webhooks").get(0);
    assertThat(strings(w.path("admissionReviewVersions"))).containsExactly("v1");
    assertThat(w.path("sideEffects").asText()).isEqualTo("None");
    assertThat(w.path("failurePolicy").asText()).isEqualTo("Ignore");
    assertThat(w.path("timeoutSeconds").asInt()).isEqualTo(10);
    JsonNode svc = w.path("clientConfig").path("service");
    assertThat(svc.path("namespace").asText()).isEqualTo(NS);
    assertThat(svc.path("name").asText()).isEqualTo("lbr-webhook");
    assertThat(svc.path("path").asText()).isEqualTo("/mutate-v1-pod");
    assertThat(w.path("clientConfig").path("caBundle").asText()).isEmpty();
    assertThat(w.path("rules")).hasSize(1);
    JsonNode rule = w.path("rules").get(0);
    assertThat(strings(rule.path("operations"))).containsExactly("CREATE");
    assertThat(strings(rule.path("apiGroups"))).containsExactly("");
    assertThat(strings(rule.path("apiVersions"))).containsExactly("v1");
    assertThat(strings(rule.path("resources"))).containsExactly("pods");
    assertThat(
            w.path("namespaceSelector")
                .path("matchLabels")
                .path("elbv2.k8s.aws/pod-readiness-gate-inject")
                .asText())
        .isEqualTo("enabled");
    JsonNode not = w.path("objectSelector").path("matchExpressions").get(0);
    assertThat(not.path("key").asText()).isEqualTo("app.kubernetes.io/name");
    assertThat(not.path("operator").asText()).isEqualTo("NotIn");
    assertThat(strings(not.path("values"))).containsExactly(SA);
  }

  @Test
  void bindingsTieTheRolesToTheServiceAccountOnly() {
    JsonNode crb = one("ClusterRoleBinding", "lbr-forwarder");
    assertThat(crb.path("roleRef").path("kind").asText()).isEqualTo("ClusterRole");
    assertThat(crb.path("roleRef").path("name").asText()).isEqualTo("lbr-forwarder");
    assertOnlySubjectIsTheServiceAccount(crb);
    assertThat(all("RoleBinding")).hasSize(2);
    JsonNode rb = one("RoleBinding", "lbr-forwarder-leader-election");
    assertThat(rb.path("roleRef").path("kind").asText()).isEqualTo("Role");
    assertThat(rb.path("roleRef").path("name").asText()).isEqualTo("lbr-forwarder-leader-election");
    assertOnlySubjectIsTheServiceAccount(rb);
  }

  /** The negative check itself: wildcards, extra verbs, kinds or non-resource URLs are caught. */
  @Test
  void theRbacCheckRejectsBroaderRoles() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String rules :
        List.of(
            "- {apiGroups: [''], resources: [services], verbs: [get, list, watch, update]}",
            "- {apiGroups: [''], resources: [services], verbs: ['*']}",
            "- {apiGroups: [''], resources: ['*'], verbs: [get]}",
            "- {apiGroups: ['*'], resources: [services], verbs: [get]}",
            "- {apiGroups: [''], resources: [secrets], verbs: [get, list, watch]}",
            "- {apiGroups: [''], resources: [services/status], verbs: [get]}",
            "- {apiGroups: [''], resources: [services], verbs: [delete]}",
            "- {apiGroups: [''], resources: [events], verbs: [delete]}",
            "- {apiGroups: [elbv2.k8s.aws], resources: [targetgroupbindings], verbs:"
                + " [deletecollection]}",
            "- {apiGroups: [elbv2.k8s.aws], resources: [targetgroupbindings/status], verbs:"
                + " [update]}",
            "- {apiGroups: [admissionregistration.k8s.io], resources:"
                + " [mutatingwebhookconfigurations], verbs: [list]}",
            "- {apiGroups: [''], resources: [services], resourceNames: [x], verbs: [get]}",
            "- {nonResourceURLs: ['/metrics'], verbs: [get]}",
            "- {apiGroups: [admissionregistration.k8s.io], resources:"
                + " [mutatingwebhookconfigurations], verbs: [patch]}",
            "- {apiGroups: [admissionregistration.k8s.io], resources:"
                + " [mutatingwebhookconfigurations], resourceNames: [aws-load-balancer-webhook],"
                + " verbs: [patch]}",
            "- {apiGroups: [admissionregistration.k8s.io], resources:"
                + " [mutatingwebhookconfigurations], resourceNames: [lbr-pod-readiness-gate],"
                + " verbs: [delete]}",
            "- {apiGroups: [apps], resources: [deployments], verbs: [list]}")) {
      JsonNode role = yaml.readTree("kind: ClusterRole\nrules:\n" + rules);
      assertThat(violations(role, CLUSTER_GRANTS, CLUSTER_NARROWED)).as(rules).isNotEmpty();
    }
    JsonNode leases =
        yaml.readTree(
            "kind: Role\nrules:\n- {apiGroups: [coordination.k8s.io], resources: [leases],"
                + " verbs: [get, create, update, delete]}");
    assertThat(violations(leases, LEASE_GRANTS)).isNotEmpty();
    assertThat(
            all("ClusterRole").stream()
                .flatMap(r -> violations(r, CLUSTER_GRANTS, CLUSTER_NARROWED).stream()))
        .isEmpty();
    JsonNode secrets =
        yaml.readTree(
            "kind: Role\nrules:\n- {apiGroups: [''], resources: [secrets], verbs: [get]}");
    assertThat(violations(secrets, WEBHOOK_GRANTS, WEBHOOK_NARROWED)).isNotEmpty();
  }

  @Test
  void theTargetGroupBindingCrdIsLbcsV1beta1WithAStatusSubresource() {
    JsonNode crd = one("CustomResourceDefinition", "targetgroupbindings.elbv2.k8s.aws");
    JsonNode spec = crd.path("spec");
    assertThat(spec.path("group").asText()).isEqualTo("elbv2.k8s.aws");
    assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
    assertThat(spec.path("names").path("kind").asText()).isEqualTo("TargetGroupBinding");
    assertThat(spec.path("names").path("plural").asText()).isEqualTo("targetgroupbindings");
    assertThat(spec.path("versions")).hasSize(1);
    JsonNode v = spec.path("versions").get(0);
    assertThat(v.path("name").asText()).isEqualTo("v1beta1");
    assertThat(v.path("served").asBoolean() && v.path("storage").asBoolean()).isTrue();
    assertThat(v.path("subresources").has("status")).isTrue();
    JsonNode props = v.path("schema").path("openAPIV3Schema").path("properties");
    assertThat(strings(fieldNames(props.path("spec").path("properties"))))
        .contains(
            "targetGroupARN",
            "targetGroupName",
            "targetType",
            "serviceRef",
            "networking",
            "nodeSelector",
            "ipAddressType",
            "vpcID",
            "targetGroupProtocol");
    assertThat(
            props
                .path("spec")
                .path("properties")
                .path("serviceRef")
                .path("properties")
                .path("port")
                .path("x-kubernetes-int-or-string")
                .asBoolean())
        .isTrue();
    assertThat(props.path("status").path("properties").has("observedGeneration")).isTrue();
  }

  @Test
  void deploymentRunsTwoHardenedReplicas() {
    JsonNode deployment = one("Deployment", "lbr-forwarder");
    JsonNode spec = deployment.path("spec");
    assertThat(spec.path("replicas").asInt()).isEqualTo(2);
    JsonNode pod = spec.path("template").path("spec");
    assertThat(pod.path("serviceAccountName").asText()).isEqualTo(SA);
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("containers")).hasSize(1);
    JsonNode c = pod.path("containers").get(0);
    assertThat(c.path("image").asText()).isNotBlank();
    JsonNode sc = c.path("securityContext");
    assertThat(
            sc.path("runAsNonRoot").asBoolean()
                || pod.path("securityContext").path("runAsNonRoot").asBoolean())
        .isTrue();
    assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(sc.path("allowPrivilegeEscalation").isBoolean()).isTrue();
    assertThat(sc.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(sc.path("privileged").asBoolean(false)).isFalse();
    assertThat(strings(sc.path("capabilities").path("drop"))).containsExactly("ALL");
    assertThat(sc.path("capabilities").path("add").isMissingNode()).isTrue();

    JsonNode resources = c.path("resources");
    assertThat(resources.path("requests").path("cpu").asText()).isNotBlank();
    assertThat(resources.path("requests").path("memory").asText()).isNotBlank();
    assertThat(resources.path("limits").path("memory").asText()).isNotBlank();
  }

  @Test
  void environmentComesFromTheDownwardApiAndTheOptionsVariables() {
    JsonNode c = one("Deployment", "lbr-forwarder").path("spec").path("template").path("spec");
    c = c.path("containers").get(0);
    Map<String, JsonNode> env = new HashMap<>();
    for (JsonNode e : c.path("env")) {
      env.put(e.path("name").asText(), e);
    }
    assertThat(env.get("POD_NAME").path("valueFrom").path("fieldRef").path("fieldPath").asText())
        .isEqualTo("metadata.name");
    assertThat(
            env.get("POD_NAMESPACE").path("valueFrom").path("fieldRef").path("fieldPath").asText())
        .isEqualTo("metadata.namespace");
    for (String flag : List.of("--cluster", "--bus", "--region")) {
      String variable = ForwarderOptions.ENV.get(flag);
      assertThat(env).as(variable).containsKey(variable);
      assertThat(env.get(variable).path("value").asText()).as(variable).isNotBlank();
    }
    assertThat(env.keySet()).contains("CLUSTER_NAME", "EVENT_BUS_NAME", "AWS_REGION");
    // every variable set (but the downward API and JVM ones) is one the options read
    Set<String> known = new HashSet<>(ForwarderOptions.ENV.values());
    known.addAll(Set.of("POD_NAME", "POD_NAMESPACE", "JAVA_TOOL_OPTIONS"));
    assertThat(known).containsAll(env.keySet());
  }

  @Test
  void probesHitHealthzAndReadyzOnTheOpsPort() {
    JsonNode c = one("Deployment", "lbr-forwarder").path("spec").path("template").path("spec");
    c = c.path("containers").get(0);
    int port = 8080;
    for (JsonNode e : c.path("env")) {
      if ("HTTP_PORT".equals(e.path("name").asText())) {
        port = Integer.parseInt(e.path("value").asText());
      }
    }
    JsonNode ops = null;
    for (JsonNode p : c.path("ports")) {
      if (p.path("containerPort").asInt() == port) {
        ops = p;
      }
    }
    assertThat(ops).as("container port %d", port).isNotNull();
    for (String[] probe :
        new String[][] {{"livenessProbe", "/healthz"}, {"readinessProbe", "/readyz"}}) {
      JsonNode get = c.path(probe[0]).path("httpGet");
      assertThat(get.path("path").asText()).as(probe[0]).isEqualTo(probe[1]);
      JsonNode p = get.path("port");
      assertThat(p.isInt() ? p.asInt() == port : p.asText().equals(ops.path("name").asText()))
          .as("%s port %s", probe[0], p)
          .isTrue();
    }
  }

  // ---- RBAC helpers ----

  static void assertOnlySubjectIsTheServiceAccount(JsonNode binding) {
    JsonNode subjects = binding.path("subjects");
    assertThat(subjects).hasSize(1);
    JsonNode s = subjects.get(0);
    assertThat(s.path("kind").asText()).isEqualTo("ServiceAccount");
    assertThat(s.path("name").asText()).isEqualTo(SA);
    assertThat(s.path("namespace").asText()).isEqualTo(NS);
  }

  /**
   * group → resource → verbs granted by a role's rules that are not narrowed by resourceNames
   * (wildcards kept literally).
   */
  static Map<String, Map<String, Set<String>>> grants(JsonNode role) {
    Map<String, Map<String, Set<String>>> out = new HashMap<>();
    for (JsonNode rule : role.path("rules")) {
      if (rule.has("resourceNames")) {
        continue;
      }
      for (String group : strings(rule.path("apiGroups"))) {
        for (String resource : strings(rule.path("resources"))) {
          out.computeIfAbsent(group, g -> new HashMap<>())
              .computeIfAbsent(resource, r -> new HashSet<>())
              .addAll(strings(rule.path("verbs")));
        }
      }
    }
    return out;
  }

  /** The rules narrowed by resourceNames, one per group and resource. */
  static List<Narrowed> narrowed(JsonNode role) {
    List<Narrowed> out = new ArrayList<>();
    for (JsonNode rule : role.path("rules")) {
      if (rule.has("resourceNames")) {
        for (String group : strings(rule.path("apiGroups"))) {
          for (String resource : strings(rule.path("resources"))) {
            out.add(
                new Narrowed(
                    group,
                    resource,
                    strings(rule.path("resourceNames")),
                    strings(rule.path("verbs"))));
          }
        }
      }
    }
    return out;
  }

  static List<String> violations(JsonNode role, Map<String, Map<String, Set<String>>> allowed) {
    return violations(role, allowed, List.of());
  }

  /**
   * Every way a role reaches beyond {@code allowed} and the {@code narrowedAllowed} rules:
   * wildcard, extra verb, group, resource, name.
   */
  static List<String> violations(
      JsonNode role,
      Map<String, Map<String, Set<String>>> allowed,
      List<Narrowed> narrowedAllowed) {
    List<String> out = new ArrayList<>();
    for (JsonNode rule : role.path("rules")) {
      if (rule.has("nonResourceURLs")) {
        out.add("nonResourceURLs " + rule.path("nonResourceURLs"));
      }
      if (rule.has("resourceNames")) {
        for (Narrowed n : narrowed(asRole(rule))) {
          boolean ok =
              narrowedAllowed.stream()
                  .anyMatch(
                      a ->
                          a.group().equals(n.group())
                              && a.resource().equals(n.resource())
                              && !n.names().isEmpty()
                              && a.names().containsAll(n.names())
                              && a.verbs().containsAll(n.verbs()));
          if (!ok) {
            out.add("narrowed rule " + n);
          }
        }
        continue;
      }
      for (String group : strings(rule.path("apiGroups"))) {
        Map<String, Set<String>> resources = allowed.get(group);
        if (resources == null) {
          out.add("apiGroup '" + group + "'");
          continue;
        }
        for (String resource : strings(rule.path("resources"))) {
          Set<String> verbs = resources.get(resource);
          if (verbs == null) {
            out.add("resource " + group + "/" + resource);
            continue;
          }
          for (String verb : strings(rule.path("verbs"))) {
            if (!verbs.contains(verb)) {
              out.add("verb " + verb + " on " + group + "/" + resource);
            }
          }
        }
      }
    }
    return out;
  }

  private static JsonNode asRole(JsonNode rule) {
    var role = new ObjectMapper().createObjectNode();
    role.putArray("rules").add(rule);
    return role;
  }

  static JsonNode fieldNames(JsonNode object) {
    var out = new ObjectMapper().createArrayNode();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
