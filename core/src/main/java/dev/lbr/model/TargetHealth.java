package dev.lbr.model;

/**
 * One target's health as ELBv2 reports it (DescribeTargetHealth).
 *
 * @param state {@code initial}, {@code healthy}, {@code unhealthy}, {@code unused}, {@code
 *     draining}, {@code unavailable}, ...
 * @param reason the reason code ({@code Elb.InitialHealthChecking}, ...); empty when healthy
 * @param description the description; empty when healthy
 */
public record TargetHealth(String state, String reason, String description) {
  public static final String HEALTHY = "healthy";

  public TargetHealth {
    reason = reason == null ? "" : reason;
    description = description == null ? "" : description;
  }

  /** LBC's health of an endpoint not registered yet (its {@code unmatchedEndpoints}). */
  public static final TargetHealth REGISTRATION_IN_PROGRESS =
      new TargetHealth(
          "initial", "Elb.RegistrationInProgress", "Target registration is in progress");

  public boolean healthy() {
    return HEALTHY.equals(state);
  }
}
