package dev.lbr.translate.service;

/**
 * Suffixes of LBC's Service annotations (LBC {@code pkg/annotations/constants.go}); the full key is
 * {@link #PREFIX} + suffix. Grouped as LBC's annotation guide lists them.
 */
final class ServiceAnnotation {
  static final String PREFIX = "service.beta.kubernetes.io/";

  // Ownership and target type.
  static final String LB_TYPE = "aws-load-balancer-type";
  static final String TARGET_TYPE = "aws-load-balancer-nlb-target-type";

  // Load balancer.
  static final String NAME = "aws-load-balancer-name";
  static final String SCHEME = "aws-load-balancer-scheme";
  static final String INTERNAL = "aws-load-balancer-internal";
  static final String IP_ADDRESS_TYPE = "aws-load-balancer-ip-address-type";
  static final String SUBNETS = "aws-load-balancer-subnets";
  static final String LB_ATTRIBUTES = "aws-load-balancer-attributes";
  static final String ACCESS_LOG_ENABLED = "aws-load-balancer-access-log-enabled";
  static final String ACCESS_LOG_BUCKET = "aws-load-balancer-access-log-s3-bucket-name";
  static final String ACCESS_LOG_PREFIX = "aws-load-balancer-access-log-s3-bucket-prefix";
  static final String CROSS_ZONE = "aws-load-balancer-cross-zone-load-balancing-enabled";
  static final String ADDITIONAL_TAGS = "aws-load-balancer-additional-resource-tags";

  // Listeners.
  static final String SSL_CERT = "aws-load-balancer-ssl-cert";
  static final String SSL_PORTS = "aws-load-balancer-ssl-ports";
  static final String SSL_POLICY = "aws-load-balancer-ssl-negotiation-policy";
  static final String BACKEND_PROTOCOL = "aws-load-balancer-backend-protocol";
  static final String ALPN_POLICY = "aws-load-balancer-alpn-policy";
  static final String ENABLE_TCP_UDP = "aws-load-balancer-enable-tcp-udp-listener";

  // Target groups.
  static final String TG_ATTRIBUTES = "aws-load-balancer-target-group-attributes";
  static final String PROXY_PROTOCOL = "aws-load-balancer-proxy-protocol";
  static final String PROXY_PROTOCOL_PER_TG = "aws-load-balancer-proxy-protocol-per-target-group";
  static final String HC_PROTOCOL = "aws-load-balancer-healthcheck-protocol";
  static final String HC_PORT = "aws-load-balancer-healthcheck-port";
  static final String HC_PATH = "aws-load-balancer-healthcheck-path";
  static final String HC_HEALTHY = "aws-load-balancer-healthcheck-healthy-threshold";
  static final String HC_UNHEALTHY = "aws-load-balancer-healthcheck-unhealthy-threshold";
  static final String HC_TIMEOUT = "aws-load-balancer-healthcheck-timeout";
  static final String HC_INTERVAL = "aws-load-balancer-healthcheck-interval";
  static final String HC_SUCCESS_CODES = "aws-load-balancer-healthcheck-success-codes";

  // Not supported yet, or without effect here (see docs/annotations.md).
  static final String SOURCE_RANGES = "load-balancer-source-ranges";
  static final String SG_PREFIX_LISTS = "aws-load-balancer-security-group-prefix-lists";
  static final String SECURITY_GROUPS = "aws-load-balancer-security-groups";
  static final String MANAGE_BACKEND_SG_RULES =
      "aws-load-balancer-manage-backend-security-group-rules";
  static final String SG_RULES_ON_PRIVATE_LINK =
      "aws-load-balancer-inbound-sg-rules-on-private-link-traffic";
  static final String DISABLE_NLB_SG = "aws-load-balancer-disable-nlb-sg";
  static final String ICMP_PATH_MTU = "aws-load-balancer-enable-icmp-for-path-mtu-discovery";
  static final String EIP_ALLOCATIONS = "aws-load-balancer-eip-allocations";
  static final String PRIVATE_IPV4_ADDRESSES = "aws-load-balancer-private-ipv4-addresses";
  static final String IPV6_ADDRESSES = "aws-load-balancer-ipv6-addresses";
  static final String TARGET_NODE_LABELS = "aws-load-balancer-target-node-labels";
  static final String LISTENER_ATTRIBUTES_PREFIX = "aws-load-balancer-listener-attributes.";
  static final String MULTI_CLUSTER_TG = "aws-load-balancer-multi-cluster-target-group";
  static final String PREFIX_FOR_IPV6_SOURCE_NAT =
      "aws-load-balancer-enable-prefix-for-ipv6-source-nat";
  static final String SOURCE_NAT_IPV6_PREFIXES = "aws-load-balancer-source-nat-ipv6-prefixes";
  static final String MINIMUM_CAPACITY = "aws-load-balancer-minimum-load-balancer-capacity";
  static final String QUIC_ENABLED_PORTS = "aws-load-balancer-quic-enabled-ports";
  static final String ACTIONS_PREFIX = "actions.";

  private ServiceAnnotation() {}

  /** The full annotation key of a suffix. */
  static String key(String suffix) {
    return PREFIX + suffix;
  }
}
