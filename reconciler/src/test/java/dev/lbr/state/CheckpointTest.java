package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.NetworkState;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.state.Checkpoint.Status;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Checkpoint OK =
      new Checkpoint(
          StackId.service("default", "echo"),
          3,
          Status.OK,
          "in",
          "desired",
          Map.of("LoadBalancer", "arn:lb"),
          Map.of("default/echo:80", Set.of(new Target("10.0.0.1", 80))),
          "old error",
          T0,
          T0,
          NetworkState.NONE,
          Map.of(),
          Map.of(),
          Map.of());

  @Test
  void eachTransitionChangesOnlyWhatItNames() {
    assertThat(OK.withStatus(Status.IN_PROGRESS, T1))
        .isEqualTo(copy(3, Status.IN_PROGRESS, OK.targets(), "old error", T1));
    assertThat(OK.withError(Status.INVALID, "bad", T1))
        .isEqualTo(copy(3, Status.INVALID, OK.targets(), "bad", T1));
    assertThat(OK.withTargets(Map.of(), Status.OK, null, T1))
        .isEqualTo(copy(3, Status.OK, Map.of(), null, T1));
    assertThat(OK.withVersion(4)).isEqualTo(copy(4, Status.OK, OK.targets(), "old error", T0));
  }

  private static Checkpoint copy(
      long version, Status status, Map<String, Set<Target>> targets, String error, Instant at) {
    return new Checkpoint(
        OK.stackId(),
        version,
        status,
        "in",
        "desired",
        OK.resources(),
        targets,
        error,
        at,
        T0,
        NetworkState.NONE,
        Map.of(),
        Map.of(),
        Map.of());
  }
}
