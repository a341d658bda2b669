package dev.lbr.bench;

import dev.lbr.aws.AwsClients;
import dev.lbr.aws.CallCounter;
import dev.lbr.aws.ElbGateway;
import dev.lbr.emulator.EmulatorWorld;
import dev.lbr.functions.ReconcileHandler;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.Runtime;
import dev.lbr.reconcile.RuntimeConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.DynamoDbLocal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.function.UnaryOperator;

/**
 * A fresh emulated account for one benchmark: the emulator reset, a VPC like an EKS cluster's, a
 * fresh state table on DynamoDB Local, and the runtime wired as the Lambda functions are, every AWS
 * and DynamoDB call counted in {@link #calls}.
 */
record BenchAccount(
    CallCounter calls, AwsClients clients, EmulatorWorld.World world, Runtime runtime) {

  static BenchAccount start(String cluster, UnaryOperator<ElbGateway> elbWrapper) {
    CallCounter calls = new CallCounter();
    AwsEmulator.reset();
    AwsClients clients = AwsEmulator.clients(calls);
    EmulatorWorld.World world = EmulatorWorld.prepare(clients.ec2(), clients.acm(), cluster);
    Runtime runtime =
        Runtime.create(
            new RuntimeConfig(
                cluster,
                AwsEmulator.region(),
                AwsEmulator.endpoint(),
                DynamoDbLocal.freshTable(),
                world.vpcId()),
            clients,
            CountingDynamoDb.wrap(DynamoDbLocal.client(), calls),
            Clock.systemUTC(),
            elbWrapper);
    return new BenchAccount(calls, clients, world, runtime);
  }

  /** The reconcile function, taking every kind. */
  ReconcileHandler reconcileHandler() {
    return new ReconcileHandler(runtime.processor(EnumSet.allOf(Kind.class)));
  }
}
