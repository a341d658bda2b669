package dev.lbr.translate.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.K8sIngressClassParams;
import dev.lbr.model.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An IngressClassParams spec ({@code apis/elbv2/v1beta1/ingressclassparams_types.go}). A field that
 * is set overrides, and ignores, the matching Ingress annotation; {@code tags} and {@code
 * loadBalancerAttributes} merge with the annotations and win over them.
 */
record ClassParams(String name, JsonNode spec) {
  private static final String NOT_YET = " is not supported yet";

  static ClassParams of(K8sIngressClassParams params) {
    return new ClassParams(params.metadata().name(), params.spec());
  }

  /** {@code IngressClassParams <name>}, the object named in errors. */
  String object() {
    return "IngressClassParams " + name;
  }

  Optional<String> loadBalancerName() {
    return text("loadBalancerName");
  }

  Optional<String> groupName() {
    JsonNode group = field("group");
    return group == null ? Optional.empty() : Optional.of(group.path("name").asText(""));
  }

  Optional<String> scheme() {
    return text("scheme");
  }

  Optional<String> ipAddressType() {
    return text("ipAddressType");
  }

  Optional<String> sslPolicy() {
    return text("sslPolicy");
  }

  Optional<String> sslRedirectPort() {
    return text("sslRedirectPort");
  }

  Optional<String> targetType() {
    return text("targetType");
  }

  List<String> certificateArns() {
    return strings("certificateArn");
  }

  List<String> inboundCidrs() {
    return strings("inboundCIDRs");
  }

  /** {@code prefixListsIDs}, else the legacy {@code PrefixListsIDs}. */
  List<String> prefixLists() {
    List<String> ids = strings("prefixListsIDs");
    return ids.isEmpty() ? strings("PrefixListsIDs") : ids;
  }

  /** {@code subnets.ids}, empty when unset. */
  List<String> subnetIds() {
    JsonNode subnets = field("subnets");
    return subnets == null ? List.of() : strings(subnets.get("ids"));
  }

  /** {@code subnets.tags}: tag key → allowed values; empty when unset. */
  Map<String, List<String>> subnetTags() {
    JsonNode subnets = field("subnets");
    Map<String, List<String>> tags = new LinkedHashMap<>();
    if (subnets != null && subnets.get("tags") != null) {
      subnets.get("tags").properties().forEach(e -> tags.put(e.getKey(), strings(e.getValue())));
    }
    return tags;
  }

  boolean hasSubnets() {
    return field("subnets") != null;
  }

  Map<String, String> tags() {
    return keyValues("tags");
  }

  Map<String, String> loadBalancerAttributes() {
    return keyValues("loadBalancerAttributes");
  }

  /** Fields whose effect needs something lbr does not do yet: each is an error when set. */
  void checkSupported() {
    reject(
        "namespaceSelector",
        "restricting the namespaces that may use the class (lbr does not read Namespaces)");
    reject("listeners", "setting listener attributes");
    reject("minimumLoadBalancerCapacity", "reserving load balancer capacity");
    reject("ipamConfiguration", "IPAM pools");
    if (text("wafv2AclArn").isPresent() || text("wafv2AclName").isPresent()) {
      throw new InvalidInputException(
          object(), null, "spec.wafv2AclArn/wafv2AclName: WAFv2 web ACLs" + NOT_YET);
    }
    if (!strings("prefixListsIDs").isEmpty() && !strings("PrefixListsIDs").isEmpty()) {
      throw new InvalidInputException(
          object(), null, "spec.prefixListsIDs and spec.PrefixListsIDs cannot both be set");
    }
  }

  private void reject(String field, String what) {
    if (field(field) != null) {
      throw new InvalidInputException(object(), null, "spec." + field + ": " + what + NOT_YET);
    }
  }

  private JsonNode field(String name) {
    JsonNode node = spec == null ? null : spec.get(name);
    return node == null || node.isNull() ? null : node;
  }

  private Optional<String> text(String name) {
    JsonNode node = field(name);
    return node == null || node.asText("").isEmpty()
        ? Optional.empty()
        : Optional.of(node.asText());
  }

  private List<String> strings(String name) {
    return strings(field(name));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(n -> out.add(n.asText()));
    }
    return List.copyOf(out);
  }

  private Map<String, String> keyValues(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode array = field(name);
    if (array != null && array.isArray()) {
      array.forEach(n -> out.put(n.path("key").asText(), n.path("value").asText()));
    }
    return out;
  }
}
