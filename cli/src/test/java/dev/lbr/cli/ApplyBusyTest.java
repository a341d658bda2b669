package dev.lbr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.StackId;
import dev.lbr.reconcile.ReconcilerConfig;
import dev.lbr.state.Acquisition;
import dev.lbr.state.DynamoLeaseStore;
import dev.lbr.state.Lease;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code lbr apply} on a stack whose lease someone else holds says so and fails. */
class ApplyBusyTest {

  @Test
  void applyOnABusyStackExitsNonZeroNamingTheHolderAndUntilWhen() {
    try (EmulatedCli cli = new EmulatedCli()) {
      Path step1 = cli.step("01-echo-nlb", 1);
      Path step2 = cli.step("01-echo-nlb", 2);
      assertThat(cli.lbr("apply", "-f", step1.toString()).status()).isEqualTo(Lbr.OK);
      // A running `lbr serve` (another process) is reconciling the stack.
      DynamoLeaseStore leases =
          new DynamoLeaseStore(
              cli.aws.dynamodb(), cli.table(), EmulatedCli.CLUSTER, Clock.systemUTC());
      StackId stack = StackId.service("default", "svc-nlb-ip-type");
      Lease held =
          ((Acquisition.Taken) leases.acquire(stack, "lbr-serve-elsewhere", Duration.ofMinutes(1)))
              .lease();

      EmulatedCli.Run busy = cli.lbr("apply", "-f", step2.toString());

      assertThat(busy.status()).isEqualTo(Lbr.BUSY).isNotZero();
      assertThat(busy.out())
          .contains("svc-nlb-ip-type: busy")
          .contains("lbr-serve-elsewhere")
          .contains("until " + held.expiresAt())
          .contains("marked dirty")
          .contains("run lbr apply again after that time");
      assertThat(leases.release(held, ReconcilerConfig.LEASE_TTL))
          .as("the holder sees the dirty mark and must run again")
          .isFalse();
    }
  }
}
