package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.IP_ADDRESS_TYPE;
import static dev.lbr.translate.ingress.IngressAnnotation.LB_ATTRIBUTES;
import static dev.lbr.translate.ingress.IngressAnnotation.LOAD_BALANCER_NAME;
import static dev.lbr.translate.ingress.IngressAnnotation.MANAGE_BACKEND_SG_RULES;
import static dev.lbr.translate.ingress.IngressAnnotation.SCHEME;
import static dev.lbr.translate.ingress.IngressAnnotation.SECURITY_GROUPS;

import dev.lbr.model.InvalidInputException;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.translate.common.AttributeRules;
import dev.lbr.translate.common.ElbValues;
import dev.lbr.translate.ingress.Exclusive.Sourced;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ALB's group-wide settings that need no AWS facts (LBC {@code model_build_load_balancer.go}):
 * scheme, IP address type, explicit name, subnets and security groups as asked for, attributes and
 * tags. Exclusive settings must agree across the members.
 */
record LoadBalancerSettings(
    String scheme,
    String ipAddressType,
    Optional<Sourced<String>> explicitName,
    SubnetRequest subnets,
    Optional<Sourced<List<String>>> securityGroups,
    boolean manageBackendRules,
    Map<String, String> attributes,
    Map<String, String> tags) {
  static final String INTERNAL = "internal";
  static final String INTERNET_FACING = "internet-facing";
  static final List<String> IP_ADDRESS_TYPES =
      List.of("ipv4", "dualstack", "dualstack-without-public-ipv4");

  static LoadBalancerSettings of(List<Member> members) {
    Optional<Sourced<String>> scheme =
        Exclusive.string(members, SCHEME, "scheme", ClassParams::scheme);
    scheme.ifPresent(
        s -> {
          if (!s.value().equals(INTERNAL) && !s.value().equals(INTERNET_FACING)) {
            throw s.invalid(SCHEME, "unknown scheme: " + s.value());
          }
        });
    Optional<Sourced<String>> ipAddressType =
        Exclusive.string(members, IP_ADDRESS_TYPE, "ipAddressType", ClassParams::ipAddressType);
    ipAddressType.ifPresent(
        t -> {
          if (!IP_ADDRESS_TYPES.contains(t.value())) {
            throw t.invalid(IP_ADDRESS_TYPE, "unknown IPAddressType: " + t.value());
          }
        });
    boolean manageBackendRules =
        Exclusive.value(
                members,
                MANAGE_BACKEND_SG_RULES,
                m ->
                    m.annotations()
                        .bool(MANAGE_BACKEND_SG_RULES)
                        .map(v -> Sourced.annotation(m, v)),
                Objects::equals)
            .map(Sourced::value)
            .orElse(false);
    return new LoadBalancerSettings(
        scheme.map(Sourced::value).orElse(INTERNAL),
        ipAddressType.map(Sourced::value).orElse("ipv4"),
        name(members),
        SubnetRequest.of(members),
        Exclusive.value(
            members,
            SECURITY_GROUPS,
            m -> m.annotations().stringList(SECURITY_GROUPS).map(v -> Sourced.annotation(m, v)),
            Objects::equals),
        manageBackendRules,
        attributes(members),
        IngressTags.group(members));
  }

  private static Optional<Sourced<String>> name(List<Member> members) {
    Optional<Sourced<String>> name =
        Exclusive.value(
            members,
            LOAD_BALANCER_NAME,
            m ->
                m.classParams()
                    .flatMap(ClassParams::loadBalancerName)
                    .map(v -> Sourced.params(m, "loadBalancerName", v))
                    .or(
                        () ->
                            m.annotations()
                                .string(LOAD_BALANCER_NAME)
                                .map(v -> Sourced.annotation(m, v))),
            Objects::equals);
    name.ifPresent(
        n ->
            ElbValues.loadBalancerName(n.value())
                .ifPresent(
                    problem -> {
                      throw n.invalid(LOAD_BALANCER_NAME, problem);
                    }));
    return name;
  }

  /**
   * LBC's {@code buildIngressGroupLoadBalancerAttributes}: the annotations of every member, a key
   * set to two values being an error unless the first member's IngressClassParams sets it; the
   * IngressClassParams {@code loadBalancerAttributes} win.
   */
  private static Map<String, String> attributes(List<Member> members) {
    Map<String, String> fromClass =
        members.get(0).classParams().map(ClassParams::loadBalancerAttributes).orElse(Map.of());
    AttributeRules.loadBalancer(LoadBalancerType.APPLICATION, fromClass)
        .ifPresent(
            problem -> {
              throw new InvalidInputException(
                  members.get(0).params().object(),
                  null,
                  "spec.loadBalancerAttributes: " + problem);
            });
    Map<String, Sourced<String>> fromAnnotations = new LinkedHashMap<>();
    for (Member m : members) {
      Map<String, String> annotated = m.annotations().stringMap(LB_ATTRIBUTES).orElse(Map.of());
      AttributeRules.loadBalancer(LoadBalancerType.APPLICATION, annotated)
          .ifPresent(
              problem -> {
                throw m.annotations().invalid(LB_ATTRIBUTES, problem);
              });
      annotated.forEach(
          (key, value) -> {
            Sourced<String> existing = fromAnnotations.get(key);
            Sourced<String> mine = Sourced.annotation(m, value);
            if (existing != null
                && !existing.value().equals(value)
                && !fromClass.containsKey(key)) {
              throw Exclusive.conflict(m, LB_ATTRIBUTES, "attribute " + key, existing, mine);
            }
            fromAnnotations.put(key, mine);
          });
    }
    Map<String, String> out = new TreeMap<>();
    fromAnnotations.forEach((k, v) -> out.put(k, v.value()));
    out.putAll(fromClass);
    return out;
  }
}
