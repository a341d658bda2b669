package dev.lbr.plan;

/**
 * One field of one resource that differs from the desired state, as a drift report lists it.
 *
 * @param resource the resource, e.g. {@code target group game-2048/service-2048:80}
 * @param field what differs, e.g. {@code attribute load_balancing.algorithm.type}, {@code
 *     existence}, {@code target 10.0.1.7:80}
 * @param expected the desired value ({@code absent} when the resource should not exist)
 * @param actual the value found in AWS ({@code absent} when it is missing)
 * @param action what the plan does about it (the change's one-line description)
 */
public record DriftFinding(
    String resource, String field, String expected, String actual, String action) {
  public static final String ABSENT = "absent";
  public static final String PRESENT = "present";
  public static final String UNSET = "(unset)";
}
