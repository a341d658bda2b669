package dev.lbr.functions.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.aws.AwsClients;
import dev.lbr.functions.convergence.Delivery.Gene;
import dev.lbr.functions.convergence.Delivery.InventoryGene;
import dev.lbr.functions.convergence.Faults.Fault;
import dev.lbr.functions.convergence.Faults.Type;
import dev.lbr.functions.convergence.KubeWorld.Action;
import dev.lbr.testing.AwsEmulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Sequences the convergence suite found failing, replayed as plain tests. */
class ShrunkCasesTest {
  private static AwsClients test;
  private static String vpcId;

  @BeforeAll
  static void vpc() {
    test = AwsEmulator.clients();
    vpcId = SharedVpc.prepare(test);
  }

  @AfterAll
  static void close() {
    test.close();
  }

  /**
   * Seed 20261122, try 7. Service web is created, changed and deleted while a RegisterTargets reply
   * and a DynamoDB UpdateItem reply are lost; at the end no load balancer is left, yet the
   * cluster's shared backend security group is, which a fault-free history never creates.
   */
  @Test
  @Disabled("open bug: the backend security group outlives the last stack after lost replies")
  void theBackendGroupGoesWithTheLastStackAfterLostReplies() {
    var scenario =
        new ConvergenceRun.Scenario(
            List.of(
                new Action.Scale(0, 6),
                new Action.PutService(0, 2),
                new Action.Scale(0, 7),
                new Action.DeleteIngress(false),
                new Action.PutService(0, 3),
                new Action.Scale(1, 10),
                new Action.DeleteService(0, false)),
            List.of(
                new Gene(2, 1, false),
                new Gene(1, 2, true),
                new Gene(1, 2, true),
                new Gene(1, 1, true),
                new Gene(1, 2, false)),
            List.of(new InventoryGene(2, 0), new InventoryGene(7, 1)),
            List.of(
                new Fault(Type.CRASH, 192),
                new Fault(Type.LOST_REPLY, 50),
                new Fault(Type.LOST_REPLY, 81)));
    assertThat(ConvergenceRun.run(scenario, vpcId, test).problems()).isEmpty();
  }
}
