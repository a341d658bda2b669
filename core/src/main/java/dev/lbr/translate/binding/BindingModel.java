package dev.lbr.translate.binding;

import dev.lbr.model.TargetGroupNetworking;
import dev.lbr.model.TargetSource;
import java.util.List;

/**
 * What lbr does for one user TargetGroupBinding: register the targets of {@code source} in the
 * target group {@code targetGroupArn}, and open the targets' security groups as {@code networking}
 * says. The target group itself is never modified.
 *
 * @param networking the binding's {@code networking.ingress} rules (empty: none managed)
 */
public record BindingModel(
    String targetGroupArn, TargetSource source, List<TargetGroupNetworking> networking) {
  /** The resource id of the binding's one target group in the checkpoint's maps. */
  public static final String TARGET_GROUP = "targetGroup";

  public BindingModel {
    networking = List.copyOf(networking);
  }
}
