package dev.lbr.testing;

import dev.lbr.aws.AwsClients;
import dev.lbr.aws.CallCounter;
import dev.lbr.aws.SdkElbGateway;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.emulator.EmulatorWorld.World;

/**
 * A freshly reset emulated account with the scenario world prepared, clients that count their calls
 * (reset after preparing), and an ELB gateway. Close it after each test.
 */
public final class EmulatedAccount implements AutoCloseable {
  public static final String CLUSTER = "test-cluster";

  public final CallCounter calls = new CallCounter();
  public final AwsClients clients;
  public final World world;
  public final SdkElbGateway elb;

  private EmulatedAccount(String cluster) {
    AwsEmulator.reset();
    clients = AwsEmulator.clients(calls);
    world = EmulatorWorld.prepare(clients.ec2(), clients.acm(), cluster);
    elb = new SdkElbGateway(clients.elbv2());
    calls.reset();
  }

  public static EmulatedAccount fresh() {
    return new EmulatedAccount(CLUSTER);
  }

  public static EmulatedAccount fresh(String cluster) {
    return new EmulatedAccount(cluster);
  }

  @Override
  public void close() {
    clients.close();
  }
}
