package dev.lbr.translate.common;

/**
 * ELBv2 and EC2 quotas (default values) the builders check before any AWS call, in one place. The
 * account may have raised some; lbr keeps to the defaults (see docs/annotations.md, "Limits").
 */
public final class ElbLimits {
  /** Listeners per load balancer. */
  public static final int LISTENERS_PER_LOAD_BALANCER = 50;

  /** Rules per Application Load Balancer, not counting default rules. */
  public static final int RULES_PER_ALB = 100;

  /** Target groups per Application Load Balancer. */
  public static final int TARGET_GROUPS_PER_ALB = 100;

  /** Target groups per forward action. */
  public static final int TARGET_GROUPS_PER_ACTION = 5;

  /** Certificates per listener, not counting the default certificate. */
  public static final int CERTIFICATES_PER_LISTENER = 25;

  /** Targets (IP addresses or instances) per target group. */
  public static final int TARGETS_PER_TARGET_GROUP = 1000;

  /** Inbound rules per security group, counted separately for IPv4 and IPv6 (EC2 quota). */
  public static final int INBOUND_RULES_PER_SECURITY_GROUP = 60;

  /** Tags per ELBv2 resource (and per security group). */
  public static final int TAGS_PER_RESOURCE = 50;

  /** Values across the conditions of one rule. */
  public static final int CONDITION_VALUES_PER_RULE = 5;

  /** Characters of a condition value (path, host, header value, query string key or value). */
  public static final int CONDITION_VALUE_LENGTH = 128;

  /** Characters of a health check path. */
  public static final int HEALTH_CHECK_PATH_LENGTH = 1024;

  /** Characters of a fixed-response message body. */
  public static final int FIXED_RESPONSE_BODY_LENGTH = 1024;

  /** Characters of a load balancer name. */
  public static final int LOAD_BALANCER_NAME_LENGTH = 32;

  private ElbLimits() {}
}
