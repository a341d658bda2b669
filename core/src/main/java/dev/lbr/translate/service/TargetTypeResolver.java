package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.LB_TYPE;
import static dev.lbr.translate.service.ServiceAnnotation.TARGET_TYPE;

import dev.lbr.translate.common.Annotations;

/**
 * The target type ({@code buildTargetType}): {@code ip} from {@code aws-load-balancer-type: nlb-ip}
 * or {@code aws-load-balancer-nlb-target-type: ip}; otherwise {@code instance} (LBC's {@code
 * --default-target-type}), which needs a NodePort or LoadBalancer Service. Unlike LBC, which takes
 * any other value for {@code instance}, an unknown value is an error.
 */
final class TargetTypeResolver {
  static final String NLB_IP = "nlb-ip";
  static final String EXTERNAL = "external";
  static final String IP = "ip";
  static final String INSTANCE = "instance";

  private TargetTypeResolver() {}

  /** {@code ip} or {@code instance}; throws for an unknown value or a ClusterIP Service. */
  static String resolve(ServiceContext ctx) {
    Annotations a = ctx.annotations();
    String targetType = a.string(TARGET_TYPE).orElse(INSTANCE);
    if (asksForIp(a)) {
      return IP;
    }
    if (!targetType.equals(INSTANCE)) {
      throw a.invalid(
          TARGET_TYPE, "unknown target type \"" + targetType + "\" (expected ip or instance)");
    }
    String type = ctx.service().spec().type();
    if (!"NodePort".equals(type) && !"LoadBalancer".equals(type)) {
      throw a.invalid(
          "unsupported service type \""
              + type
              + "\" for target type instance: it needs a NodePort or LoadBalancer Service");
    }
    return INSTANCE;
  }

  /** Whether the annotations ask for ip targets; anything else is instance (or invalid). */
  static boolean asksForIp(Annotations a) {
    return a.string(LB_TYPE).orElse("").equals(NLB_IP)
        || a.string(TARGET_TYPE).orElse("").equals(IP);
  }
}
