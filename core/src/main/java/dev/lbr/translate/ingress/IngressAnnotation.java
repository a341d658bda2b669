package dev.lbr.translate.ingress;

/**
 * Suffixes of LBC's Ingress annotations ({@code pkg/annotations/constants.go}); the full key is
 * {@link #PREFIX} + suffix. Grouped as LBC's annotation guide lists them.
 */
final class IngressAnnotation {
  static final String PREFIX = "alb.ingress.kubernetes.io/";

  /** The legacy class annotation (not under {@link #PREFIX}). */
  static final String LEGACY_CLASS = "kubernetes.io/ingress.class";

  // Group.
  static final String GROUP_NAME = "group.name";
  static final String GROUP_ORDER = "group.order";

  // Load balancer (exclusive across the group unless noted).
  static final String LOAD_BALANCER_NAME = "load-balancer-name";
  static final String TAGS = "tags"; // merge; also on Services
  static final String IP_ADDRESS_TYPE = "ip-address-type";
  static final String SCHEME = "scheme";
  static final String SUBNETS = "subnets";
  static final String SECURITY_GROUPS = "security-groups";
  static final String MANAGE_BACKEND_SG_RULES = "manage-backend-security-group-rules";
  static final String LB_ATTRIBUTES = "load-balancer-attributes";
  static final String INBOUND_CIDRS = "inbound-cidrs";
  static final String SG_PREFIX_LISTS = "security-group-prefix-lists";

  // Listeners.
  static final String LISTEN_PORTS = "listen-ports"; // merge
  static final String SSL_REDIRECT = "ssl-redirect";
  static final String CERTIFICATE_ARN = "certificate-arn"; // merge
  static final String SSL_POLICY = "ssl-policy";
  static final String MUTUAL_AUTHENTICATION = "mutual-authentication"; // mode off only

  // Rules.
  static final String ACTIONS_PREFIX = "actions.";
  static final String CONDITIONS_PREFIX = "conditions.";
  static final String USE_REGEX_PATH_MATCH = "use-regex-path-match";

  // Target groups (Ingress or Service; the Service's value wins).
  static final String TARGET_TYPE = "target-type";
  static final String BACKEND_PROTOCOL = "backend-protocol";
  static final String BACKEND_PROTOCOL_VERSION = "backend-protocol-version";
  static final String TG_ATTRIBUTES = "target-group-attributes";
  static final String HC_PORT = "healthcheck-port";
  static final String HC_PROTOCOL = "healthcheck-protocol";
  static final String HC_PATH = "healthcheck-path";
  static final String HC_INTERVAL = "healthcheck-interval-seconds";
  static final String HC_TIMEOUT = "healthcheck-timeout-seconds";
  static final String HC_HEALTHY = "healthy-threshold-count";
  static final String HC_UNHEALTHY = "unhealthy-threshold-count";
  static final String SUCCESS_CODES = "success-codes";
  static final String TARGET_NODE_LABELS = "target-node-labels";
  static final String MULTI_CLUSTER_TG = "multi-cluster-target-group";

  // Not supported yet (see docs/annotations.md).
  static final String AUTH_PREFIX = "auth-";
  static final String AUTH_TYPE = "auth-type";
  static final String JWT_VALIDATION = "jwt-validation";
  static final String TRANSFORMS_PREFIX = "transforms.";
  static final String CUSTOMER_OWNED_IPV4_POOL = "customer-owned-ipv4-pool";
  static final String WAFV2_ACL_ARN = "wafv2-acl-arn";
  static final String WAFV2_ACL_NAME = "wafv2-acl-name";
  static final String WAF_ACL_ID = "waf-acl-id";
  static final String WEB_ACL_ID = "web-acl-id";
  static final String SHIELD = "shield-advanced-protection";
  static final String LISTENER_ATTRIBUTES_PREFIX = "listener-attributes.";
  static final String MINIMUM_CAPACITY = "minimum-load-balancer-capacity";
  static final String IPAM_POOL = "ipam-ipv4-pool-id";
  static final String ENABLE_FRONTEND_NLB = "enable-frontend-nlb";
  static final String FRONTEND_NLB_PREFIX = "frontend-nlb-";
  static final String TARGET_CONTROL_PORT_PREFIX = "target-control-port.";
  static final String CREATE_ACM_CERT = "create-acm-cert";
  static final String ACM_PCA_ARN = "acm-pca-arn";

  private IngressAnnotation() {}

  /** The full annotation key of a suffix. */
  static String key(String suffix) {
    return PREFIX + suffix;
  }
}
