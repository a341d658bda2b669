package dev.lbr.translate.ingress;

import static dev.lbr.translate.ingress.IngressAnnotation.ACM_PCA_ARN;
import static dev.lbr.translate.ingress.IngressAnnotation.AUTH_PREFIX;
import static dev.lbr.translate.ingress.IngressAnnotation.AUTH_TYPE;
import static dev.lbr.translate.ingress.IngressAnnotation.CREATE_ACM_CERT;
import static dev.lbr.translate.ingress.IngressAnnotation.CUSTOMER_OWNED_IPV4_POOL;
import static dev.lbr.translate.ingress.IngressAnnotation.ENABLE_FRONTEND_NLB;
import static dev.lbr.translate.ingress.IngressAnnotation.FRONTEND_NLB_PREFIX;
import static dev.lbr.translate.ingress.IngressAnnotation.IPAM_POOL;
import static dev.lbr.translate.ingress.IngressAnnotation.JWT_VALIDATION;
import static dev.lbr.translate.ingress.IngressAnnotation.LISTENER_ATTRIBUTES_PREFIX;
import static dev.lbr.translate.ingress.IngressAnnotation.MINIMUM_CAPACITY;
import static dev.lbr.translate.ingress.IngressAnnotation.MULTI_CLUSTER_TG;
import static dev.lbr.translate.ingress.IngressAnnotation.SHIELD;
import static dev.lbr.translate.ingress.IngressAnnotation.TARGET_CONTROL_PORT_PREFIX;
import static dev.lbr.translate.ingress.IngressAnnotation.TARGET_NODE_LABELS;
import static dev.lbr.translate.ingress.IngressAnnotation.TRANSFORMS_PREFIX;
import static dev.lbr.translate.ingress.IngressAnnotation.WAFV2_ACL_ARN;
import static dev.lbr.translate.ingress.IngressAnnotation.WAFV2_ACL_NAME;
import static dev.lbr.translate.ingress.IngressAnnotation.WAF_ACL_ID;
import static dev.lbr.translate.ingress.IngressAnnotation.WEB_ACL_ID;

import dev.lbr.model.InvalidInputException;
import dev.lbr.translate.common.Annotations;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rejects what LBC would honour but this builder cannot yet, where ignoring it would change who can
 * reach the ALB or what it does (docs/annotations.md). Each error names the annotation.
 */
final class UnsupportedIngressAnnotations {
  private static final String NOT_YET = Annotations.NOT_YET;

  /** Annotations refused whenever present, with what they ask for. */
  private static final Map<String, String> REJECTED =
      Annotations.inOrder(
          JWT_VALIDATION, "JWT validation",
          CUSTOMER_OWNED_IPV4_POOL, "a customer-owned IPv4 pool (Outposts)",
          WAFV2_ACL_ARN, "a WAFv2 web ACL",
          WAFV2_ACL_NAME, "a WAFv2 web ACL",
          WAF_ACL_ID, "a WAF Classic web ACL",
          WEB_ACL_ID, "a WAF Classic web ACL",
          MINIMUM_CAPACITY, "reserving load balancer capacity",
          IPAM_POOL, "an IPAM IPv4 pool",
          ACM_PCA_ARN, "creating ACM certificates from a private CA");

  /** Boolean annotations refused when true. */
  private static final Map<String, String> REJECTED_WHEN_TRUE =
      sorted(
          SHIELD, "Shield Advanced protection",
          ENABLE_FRONTEND_NLB, "a frontend NLB",
          CREATE_ACM_CERT, "creating ACM certificates",
          MULTI_CLUSTER_TG, "sharing target groups between clusters");

  /** Annotation families refused whenever one is present. */
  private static final Map<String, String> REJECTED_PREFIXES =
      sorted(
          TRANSFORMS_PREFIX, "URL and host header rewrites (transforms)",
          LISTENER_ATTRIBUTES_PREFIX, "setting listener attributes",
          FRONTEND_NLB_PREFIX, "a frontend NLB",
          TARGET_CONTROL_PORT_PREFIX, "the target control agent port");

  private UnsupportedIngressAnnotations() {}

  private static Map<String, String> sorted(String... suffixesAndWhat) {
    return new TreeMap<>(Annotations.inOrder(suffixesAndWhat));
  }

  static void check(Member m) {
    Annotations a = m.annotations();
    a.refuseAny(REJECTED);
    REJECTED_WHEN_TRUE.forEach(
        (suffix, what) -> {
          if (a.bool(suffix).orElse(false)) {
            throw a.invalid(suffix, what + NOT_YET);
          }
        });
    REJECTED_PREFIXES.forEach(a::refuseAnyStartingWith);
    for (String key : a.keysStartingWith(AUTH_PREFIX)) {
      if (!key.equals(a.key(AUTH_TYPE)) || !a.string(AUTH_TYPE).orElseThrow().equals("none")) {
        throw new InvalidInputException(a.object(), key, "authentication (auth-*)" + NOT_YET);
      }
    }
    // Read for instance targets only (InstanceMode); a malformed value is refused in any mode.
    a.stringMap(TARGET_NODE_LABELS);
  }
}
