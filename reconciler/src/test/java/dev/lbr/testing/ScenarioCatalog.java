package dev.lbr.testing;

import java.util.List;
import java.util.stream.Stream;

/**
 * The acceptance scenarios the harnesses play step by step, with what {@code lbr apply --prune}
 * must exit with. A pending scenario is one the core does not support yet: it is skipped unless
 * {@code -Dlbr.pendingScenarios=true}; switching it on for good is setting its {@code pending} to
 * false here.
 */
public final class ScenarioCatalog {
  public static final String PENDING_SWITCH = "lbr.pendingScenarios";

  /** One scenario: its folder, how many steps, the exit status of each {@code lbr apply}. */
  public record Case(String name, int steps, int applyExitStatus, boolean pending) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static final List<Case> ALL =
      List.of(
          new Case("01-echo-nlb", 4, 0, false),
          new Case("02-game-2048-alb", 4, 0, false),
          new Case("03-canary-weighted", 1, 0, false),
          new Case("04-ssl-redirect", 1, 0, false),
          new Case("05-nlb-tls-proxy", 1, 0, false),
          new Case("07-invalid-input", 1, 2, false),
          new Case("08-instance-mode", 2, 0, false),
          new Case("09-backend-security-groups", 3, 0, false));

  private ScenarioCatalog() {}

  /** The scenarios to play: every one that is not pending, all with the switch on. */
  public static Stream<Case> enabled() {
    return ALL.stream().filter(c -> !c.pending() || pendingSwitchedOn());
  }

  public static boolean enabled(String name) {
    return enabled().anyMatch(c -> c.name().equals(name));
  }

  private static boolean pendingSwitchedOn() {
    return Boolean.getBoolean(PENDING_SWITCH);
  }
}
