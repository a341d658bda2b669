package dev.lbr.forwarder.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.StackResult;
import dev.lbr.event.StackResult.Binding;
import dev.lbr.event.StackResult.Outcome;
import dev.lbr.forwarder.publish.JsonLog;
import dev.lbr.k8s.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stack's TargetGroupBindings ({@code elbv2.k8s.aws/v1beta1}), kept as the result lists them:
 * one per target group, named after it, in the backend Service's namespace, with LBC's stack labels
 * and {@value #MANAGED_BY}={@value #LBR}. Bindings of the stack that the result no longer lists are
 * deleted (all of them when the stack is deleted); a binding without lbr's label is never written
 * or deleted. lbr runs no binding controller: they show what lbr registers, for {@code kubectl get
 * targetgroupbindings} and tools that read them.
 */
final class TargetGroupBindings {
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  static final String LBR = "lbr";
  private static final ApiResource TGB = ApiResource.TARGET_GROUP_BINDINGS;

  private final KubeRest kube;
  private final BindingsMode mode;
  private final List<String> namespaces;

  TargetGroupBindings(KubeRest kube, BindingsMode mode, List<String> namespaces) {
    this.kube = kube;
    this.mode = mode;
    this.namespaces = List.copyOf(namespaces);
  }

  /**
   * Keeps the stack's bindings as {@code r} lists them. Nothing for a binding stack (a user's
   * binding is input, never one of lbr's), whatever its result carries.
   */
  void sync(StackRef stack, StackResult r) {
    if (stack.binding()) {
      if (r.targetGroups() != null) {
        JsonLog.warn("targetGroups of a binding stack ignored", "stack", stack.id());
      }
      return;
    }
    boolean deleted = r.outcome() == Outcome.DELETED;
    if ((r.targetGroups() == null && !deleted) || !mode.enabled()) {
      return;
    }
    List<Binding> wanted = deleted || r.targetGroups() == null ? List.of() : r.targetGroups();
    Set<String> keep = new HashSet<>();
    for (Binding b : wanted) {
      keep.add(b.namespace() + "/" + b.name());
      upsert(desired(stack, b));
    }
    for (ObjectNode existing : existing(stack)) {
      JsonNode meta = existing.path("metadata");
      String ns = meta.path("namespace").asText();
      String name = meta.path("name").asText();
      if (!keep.contains(ns + "/" + name)
          && LBR.equals(meta.path("labels").path(MANAGED_BY).asText())) {
        kube.delete(TGB.item(ns, name));
        JsonLog.info("TargetGroupBinding deleted", "stack", stack.id(), "binding", ns + "/" + name);
      }
    }
  }

  static ObjectNode desired(StackRef stack, Binding b) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("apiVersion", TGB.apiVersion()).put("kind", TGB.kind());
    ObjectNode meta = o.putObject("metadata").put("name", b.name()).put("namespace", b.namespace());
    ObjectNode labels = meta.putObject("labels");
    stack.labels().forEach(labels::put);
    labels.put(MANAGED_BY, LBR);
    ObjectNode spec = o.putObject("spec");
    spec.put("targetGroupARN", b.targetGroupArn());
    putIfSet(spec, "targetType", b.targetType());
    ObjectNode ref = spec.putObject("serviceRef").put("name", b.serviceName());
    String port = b.servicePort();
    if (port != null && port.matches("\\d{1,5}")) {
      ref.put("port", Integer.parseInt(port));
    } else {
      ref.put("port", port);
    }
    if (b.networking() != null) {
      spec.set("networking", Json.mapper().valueToTree(b.networking()));
    }
    putIfSet(spec, "ipAddressType", b.ipAddressType());
    putIfSet(spec, "vpcID", b.vpcId());
    putIfSet(spec, "targetGroupProtocol", b.protocol());
    return o;
  }

  private void upsert(ObjectNode want) {
    String ns = want.path("metadata").path("namespace").asText();
    String name = want.path("metadata").path("name").asText();
    ObjectNode written = null;
    for (int attempt = 1; written == null; attempt++) {
      Optional<ObjectNode> current = kube.get(TGB.item(ns, name));
      try {
        if (current.isEmpty()) {
          written = kube.create(TGB.collection(ns), want);
          JsonLog.info("TargetGroupBinding created", "binding", ns + "/" + name);
        } else if (!LBR.equals(
            current.get().path("metadata").path("labels").path(MANAGED_BY).asText())) {
          JsonLog.warn("TargetGroupBinding not lbr's, left alone", "binding", ns + "/" + name);
          return;
        } else if (Trees.same(current.get().path("spec"), want.path("spec"))
            && labelsCover(current.get(), want)) {
          written = current.get();
        } else {
          ObjectNode next = current.get().deepCopy();
          next.set("spec", want.get("spec"));
          want.path("metadata")
              .path("labels")
              .fields()
              .forEachRemaining(
                  e -> next.with("metadata").with("labels").set(e.getKey(), e.getValue()));
          written = kube.replace(TGB.item(ns, name), next);
        }
      } catch (KubeApiException e) {
        if (!(e.conflict() && attempt < KubeRest.ATTEMPTS)) { // 409: created or changed meanwhile
          throw e;
        }
      }
    }
    long generation = written.path("metadata").path("generation").asLong();
    if (generation > 0
        && written.path("status").path("observedGeneration").asLong() != generation) {
      kube.update(TGB, written, true, o -> observed(o));
    }
  }

  private static ObjectNode observed(ObjectNode o) {
    long generation = o.path("metadata").path("generation").asLong();
    if (o.path("status").path("observedGeneration").asLong() == generation) {
      return null;
    }
    ObjectNode patch = Json.mapper().createObjectNode();
    patch.putObject("status").put("observedGeneration", generation);
    return patch;
  }

  private List<ObjectNode> existing(StackRef stack) {
    String selector = stack.bindingSelector();
    if (namespaces.isEmpty()) {
      return kube.list(TGB.collection(null), selector);
    }
    List<ObjectNode> out = new ArrayList<>();
    namespaces.forEach(ns -> out.addAll(kube.list(TGB.collection(ns), selector)));
    return out;
  }

  private static boolean labelsCover(JsonNode current, JsonNode want) {
    JsonNode have = current.path("metadata").path("labels");
    var it = want.path("metadata").path("labels").fields();
    while (it.hasNext()) {
      var e = it.next();
      if (!e.getValue().equals(have.path(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static void putIfSet(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }
}
