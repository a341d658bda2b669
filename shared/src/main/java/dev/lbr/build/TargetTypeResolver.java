package dev.lbr.build;

import static dev.lbr.build.ServiceAnnotation.LB_TYPE;
import static dev.lbr.build.ServiceAnnotation.TARGET_TYPE;

/**
 * The target type ({@code buildTargetType}): {@code ip} from {@code aws-load-balancer-type: nlb-ip}
 * or {@code aws-load-balancer-nlb-target-type: ip}; otherwise LBC's {@code --default-target-type},
 * {@code instance}, which is not supported yet.
 */
final class TargetTypeResolver {
  static final String NLB_IP = "nlb-ip";
  static final String EXTERNAL = "external";
  static final String IP = "ip";
  static final String INSTANCE = "instance";

  private TargetTypeResolver() {}

  /** Returns {@code ip}, or throws: instance mode is not supported yet. */
  static String resolve(ServiceContext ctx) {
    Annotations a = ctx.annotations();
    String targetType = a.string(TARGET_TYPE).orElse(INSTANCE);
    if (a.string(LB_TYPE).orElse("").equals(NLB_IP) || targetType.equals(IP)) {
      return IP;
    }
    if (targetType.equals(INSTANCE)) {
      throw a.invalid(
          TARGET_TYPE,
          "target type instance is not supported yet"
              + (a.has(TARGET_TYPE) ? "" : " (it is LBC's default)")
              + "; set the annotation to ip");
    }
    throw a.invalid(
        TARGET_TYPE, "unknown target type \"" + targetType + "\" (expected ip or instance)");
  }
}
