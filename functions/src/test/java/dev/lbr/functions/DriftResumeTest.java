package dev.lbr.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.drift.DriftOptions;
import dev.lbr.drift.DriftReport;
import dev.lbr.drift.StackDrift;
import dev.lbr.model.StackId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A fleet too large for one run: a run stops at its deadline and the next resumes after it. */
class DriftResumeTest {
  private static final StackId INGRESS = StackId.parse("ingress/game-2048/ingress-2048");
  private static final StackId SERVICE = StackId.parse("service/game-2048/service-2048");

  @Test
  void aRunPastItsDeadlineChecksNothingAndTheNextStartsAfterTheCursor() {
    Harness h = new Harness();
    h.playsScenario("06-drift-repair", 1);
    DriftOptions options = new DriftOptions(Duration.ZERO, 5, false, false, 1000, Optional.empty());

    DriftReport late = h.lbr.drift().run(options.withDeadline(h.clock.instant()));

    assertThat(late.complete()).isFalse();
    assertThat(late.stacks()).isEmpty();
    assertThat(late.toText()).contains("resumes");

    h.lbr.stores().drift().saveCursor(Optional.of(INGRESS));
    DriftReport next = h.lbr.drift().run(options);

    assertThat(next.stacks()).extracting(StackDrift::id).containsExactly(SERVICE, INGRESS);
    assertThat(next.complete()).isTrue();
    assertThat(h.lbr.stores().drift().cursor()).as("a complete run clears the cursor").isEmpty();
  }
}
