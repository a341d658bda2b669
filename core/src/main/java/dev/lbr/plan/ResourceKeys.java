package dev.lbr.plan;

import dev.lbr.model.SecurityGroupSpec;
import dev.lbr.model.Tags;

/**
 * The keys that name a stack's resources in refs, checkpoints and apply results: {@code
 * LoadBalancer}, a target group's resource id, {@code listener/<port>}, {@code
 * ManagedLBSecurityGroup}; in refs and logs only, a rule as {@code listener/<port>/rule/<priority>}
 * (rules are found through their listener).
 */
public final class ResourceKeys {
  public static final String LOAD_BALANCER = Tags.LOAD_BALANCER_RESOURCE;
  public static final String SECURITY_GROUP = SecurityGroupSpec.RESOURCE_ID;

  private static final String LISTENER_PREFIX = "listener/";
  private static final String RULE_INFIX = "/rule/";

  private ResourceKeys() {}

  public static String listener(int port) {
    return LISTENER_PREFIX + port;
  }

  public static boolean isListener(String key) {
    return key.startsWith(LISTENER_PREFIX) && !key.contains(RULE_INFIX);
  }

  /** The rule at {@code priority} (when planned) of the listener keyed {@code listenerKey}. */
  public static String rule(String listenerKey, int priority) {
    return listenerKey + RULE_INFIX + priority;
  }
}
