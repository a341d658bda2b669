package dev.lbr.forwarder.status;

import dev.lbr.forwarder.ForwarderOptions.BindingsSetting;
import dev.lbr.forwarder.publish.JsonLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether lbr writes TargetGroupBindings ({@code --target-group-bindings}). LBC's
 * TargetGroupBinding controller reconciles every binding it sees (no filter), so lbr's must not
 * exist while LBC runs: {@code auto} writes none while LBC's MutatingWebhookConfiguration {@value
 * #LBC_WEBHOOK} exists, checked at start and then at most every {@link #RECHECK}, and logs each
 * change of mind with its reason.
 */
final class BindingsMode {
  static final String LBC_WEBHOOK = "aws-load-balancer-webhook";
  static final Duration RECHECK = Duration.ofMinutes(1);

  private final BindingsSetting setting;
  private final KubeRest kube;
  private final Clock clock;
  private Instant checkedAt;
  private Boolean enabled;

  BindingsMode(BindingsSetting setting, KubeRest kube, Clock clock) {
    this.setting = setting;
    this.kube = kube;
    this.clock = clock;
    enabled();
  }

  synchronized boolean enabled() {
    if (setting != BindingsSetting.AUTO) {
      return setting == BindingsSetting.ON;
    }
    Instant now = clock.instant();
    if (enabled != null && now.isBefore(checkedAt.plus(RECHECK))) {
      return enabled;
    }
    checkedAt = now;
    boolean lbcRuns;
    try {
      lbcRuns = kube.get(ApiResource.MUTATING_WEBHOOKS.item(null, LBC_WEBHOOK)).isPresent();
    } catch (KubeApiException e) {
      JsonLog.warn(
          "cannot tell whether LBC runs; TargetGroupBindings stay as they are",
          "error",
          e.getMessage());
      return enabled != null && enabled;
    }
    if (enabled == null || enabled == lbcRuns) {
      JsonLog.info(
          lbcRuns
              ? "TargetGroupBindings off: LBC's webhook "
                  + LBC_WEBHOOK
                  + " exists, LBC would act on them"
              : "TargetGroupBindings on: LBC's webhook " + LBC_WEBHOOK + " is absent",
          "setting",
          "auto");
    }
    enabled = !lbcRuns;
    return enabled;
  }
}
