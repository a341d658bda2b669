package dev.lbr.functions.convergence;

import dev.lbr.aws.AwsClients;
import dev.lbr.testing.AwsEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A JUnit test class replaying convergence runs in the suite's one VPC ({@link SharedVpc}). */
abstract class OnSharedVpc {
  static AwsClients test;
  static String vpcId;

  @BeforeAll
  static void vpc() {
    test = AwsEmulator.clients();
    vpcId = SharedVpc.prepare(test);
  }

  @AfterAll
  static void close() {
    test.close();
  }
}
