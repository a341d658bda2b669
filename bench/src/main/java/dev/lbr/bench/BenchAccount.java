package dev.lbr.bench;

import dev.lbr.aws.AwsClients;
import dev.lbr.aws.CallCounter;
import dev.lbr.aws.ElbGateway;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.functions.ReconcileHandler;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.DynamoDbLocal;
import dev.lbr.testing.Wired;
import java.time.Clock;
import java.util.EnumSet;
import java.util.function.UnaryOperator;

/**
 * A fresh emulated account for one benchmark: the emulator reset, a VPC like an EKS cluster's, a
 * fresh state table on DynamoDB Local, and the controller composed as the Lambda functions compose
 * theirs, every AWS and DynamoDB call counted in {@link #calls}.
 */
record BenchAccount(CallCounter calls, AwsClients clients, EmulatorWorld.World world, Wired lbr) {

  static BenchAccount start(String cluster, UnaryOperator<ElbGateway> elbWrapper) {
    CallCounter calls = new CallCounter();
    AwsEmulator.reset();
    AwsClients clients = AwsEmulator.clients(calls);
    EmulatorWorld.World world = EmulatorWorld.prepare(clients.ec2(), clients.acm(), cluster);
    Wired lbr =
        Wired.of(
            new LbrConfig(
                cluster,
                AwsEmulator.region(),
                AwsEmulator.endpoint(),
                DynamoDbLocal.freshTable(),
                world.vpcId()),
            clients,
            CountingDynamoDb.wrap(DynamoDbLocal.client(), calls),
            Clock.systemUTC(),
            elbWrapper);
    return new BenchAccount(calls, clients, world, lbr);
  }

  /** The reconcile function, taking every kind. */
  ReconcileHandler reconcileHandler() {
    return new ReconcileHandler(lbr.processor(EnumSet.allOf(Kind.class)));
  }
}
