package dev.lbr.functions.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.AwsClients;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.testing.AwsEmulator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Random histories of a small cluster, delivered reordered, duplicated and dropped (inventories
 * revealing missed deletions), with crashes and lost replies at any AWS or DynamoDB call, always
 * converge to the state of the last events: see {@link ConvergenceRun} and {@link Oracle}. Seeded
 * (the seed is printed on failure); {@code -Dlbr.property.tries=500} runs more ({@link
 * SuiteSettings}). One emulator and one VPC for the class, a fresh cluster name per try.
 */
@AddLifecycleHook(SuiteSettings.class)
class ConvergenceProperties {
  private static final String WORLD = "cvworld";
  private static final RunFigures FIGURES = new RunFigures();
  private static AwsClients test;
  private static String vpcId;

  @BeforeContainer
  static void oneVpcForEveryCluster() {
    AwsEmulator.reset();
    test = AwsEmulator.clients();
    EmulatorWorld.World world = EmulatorWorld.prepare(test, WORLD);
    // Untagged for any cluster, the subnets serve every cluster name the tries make up.
    List<String> subnets = new java.util.ArrayList<>(world.publicSubnetIds());
    subnets.addAll(world.privateSubnetIds());
    test.ec2()
        .deleteTags(
            r ->
                r.resources(subnets)
                    .tags(Tag.builder().key("kubernetes.io/cluster/" + WORLD).build()));
    vpcId = world.vpcId();
  }

  @AfterContainer
  static void printFigures() {
    System.out.println(
        FIGURES.summary("tries=" + System.getProperty(SuiteSettings.TRIES, "default")));
    if (test != null) {
      test.close();
    }
  }

  @Property(tries = 12, seed = "20261122", shrinking = ShrinkingMode.BOUNDED)
  void everyDeliveryAndFaultScheduleConvergesToTheLastEvents(
      @ForAll("scenarios") ConvergenceRun.Scenario scenario) {
    ConvergenceRun.Outcome outcome = ConvergenceRun.run(scenario, vpcId, test);
    FIGURES.add(outcome);
    if (!outcome.problems().isEmpty()) {
      System.out.println("not converged: " + scenario);
      outcome.log().forEach(l -> System.out.println("  " + l));
    }
    assertThat(outcome.problems()).as("differences after %s", outcome.fired()).isEmpty();
  }

  @Provide
  Arbitrary<ConvergenceRun.Scenario> scenarios() {
    return Combinators.combine(
            Generators.actions(), Generators.genes(), Generators.inventories(), Generators.faults())
        .as(ConvergenceRun.Scenario::new);
  }
}
