package dev.lbr.plan;

import static dev.lbr.plan.StackFixtures.TG80;
import static dev.lbr.plan.StackFixtures.actualOf;
import static dev.lbr.plan.StackFixtures.base;
import static dev.lbr.plan.StackFixtures.pods;
import static dev.lbr.plan.StackFixtures.tgArn;
import static dev.lbr.plan.StackFixtures.withTargets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.ActualStack;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TargetPlanTest {
  private final Planner planner = new Planner();
  private final DesiredStack base = base();
  private final Ref tg = Ref.existing(tgArn(base.targetGroups().get(0)), TG80);

  static Stream<Arguments> scaling() {
    return Stream.of(
        Arguments.of(
            "scale-up from 0 to 450", 0, 450, Change.RegisterTargets.class, List.of(200, 200, 50)),
        Arguments.of(
            "scale-down from 450 to 0",
            450,
            0,
            Change.DeregisterTargets.class,
            List.of(200, 200, 50)),
        Arguments.of(
            "scale-up from 2 to 203", 2, 203, Change.RegisterTargets.class, List.of(200, 1)),
        Arguments.of("scale-down from 3 to 1", 3, 1, Change.DeregisterTargets.class, List.of(2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scaling")
  void targetsMoveInBatchesOfAtMost200(
      String name, int from, int to, Class<? extends Change> type, List<Integer> batchSizes) {
    ActualStack actual = actualOf(withTargets(base, Map.of(TG80, pods(from))));
    DesiredStack desired = withTargets(base, Map.of(TG80, pods(to)));

    List<Change> changes = planner.plan(desired, actual, Map.of()).changes();

    assertThat(changes).allMatch(type::isInstance);
    assertThat(changes).extracting(c -> targets(c).size()).containsExactlyElementsOf(batchSizes);
    List<Target> moved = changes.stream().flatMap(c -> targets(c).stream()).toList();
    assertThat(moved).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aRollingUpdateDeregistersTheOldPodThenRegistersTheNewOne() {
    Target a = new Target("10.0.0.1", 8080);
    Target b = new Target("10.0.0.2", 8080);
    Target c = new Target("10.0.0.3", 8080);
    ActualStack actual = actualOf(withTargets(base, Map.of(TG80, Set.of(a, b))));

    assertThat(
            planner.plan(withTargets(base, Map.of(TG80, Set.of(b, c))), actual, Map.of()).changes())
        .containsExactly(
            new Change.DeregisterTargets(tg, List.of(a)),
            new Change.RegisterTargets(tg, List.of(c)));
  }

  @Test
  void unreadTargetsComeFromTheCheckpoint() {
    Target a = new Target("10.0.0.1", 8080);
    Target b = new Target("10.0.0.2", 8080);
    ActualStack read = actualOf(base);
    ActualStack unread =
        new ActualStack(
            read.id(), read.loadBalancer(), read.listeners(), read.targetGroups(), Map.of());

    List<Change> changes =
        planner
            .plan(withTargets(base, Map.of(TG80, Set.of(b))), unread, Map.of(TG80, Set.of(a)))
            .changes();

    assertThat(changes)
        .containsExactly(
            new Change.DeregisterTargets(tg, List.of(a)),
            new Change.RegisterTargets(tg, List.of(b)));
  }

  @Test
  void readTargetsWinOverTheCheckpoint() {
    Target stale = new Target("10.9.9.9", 8080);

    assertThat(planner.plan(base, actualOf(base), Map.of(TG80, Set.of(stale))).changes()).isEmpty();
  }

  @Test
  void aNewTargetGroupRegistersEveryDesiredTargetWhateverTheCheckpointSays() {
    List<Change> changes =
        planner.plan(base, ActualStack.empty(base.id()), Map.of(TG80, pods(2))).changes();

    assertThat(changes)
        .contains(
            new Change.RegisterTargets(Ref.pending(TG80), List.copyOf(new TreeSet<>(pods(2)))));
  }

  private static List<Target> targets(Change change) {
    return switch (change) {
      case Change.RegisterTargets r -> r.targets();
      case Change.DeregisterTargets d -> d.targets();
      default -> throw new AssertionError("not a target change: " + change);
    };
  }
}
