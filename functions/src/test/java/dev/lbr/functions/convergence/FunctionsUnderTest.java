package dev.lbr.functions.convergence;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lbr.aws.AwsClients;
import dev.lbr.functions.ReconcileHandler;
import dev.lbr.functions.SqsBatches;
import dev.lbr.functions.TargetsHandler;
import dev.lbr.k8s.Kind;
import dev.lbr.reconcile.LbrConfig;
import dev.lbr.testing.AwsEmulator;
import dev.lbr.testing.DynamoDbLocal;
import dev.lbr.testing.MotoQuirks;
import dev.lbr.testing.MutableClock;
import dev.lbr.testing.Wired;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The two queue-driven functions of one cluster, wired as in Lambda (handler → processor →
 * controller) on the emulator and DynamoDB Local, with a fresh state table, the test's clock and,
 * optionally, a fault schedule on every AWS and DynamoDB client. A {@link Faults.Crash} ends the
 * "process": the next delivery finds a cold start.
 */
final class FunctionsUnderTest implements AutoCloseable {
  final String cluster;
  final String table = DynamoDbLocal.freshTable();
  final MutableClock clock;
  private final String vpcId;
  private final AwsClients clients;
  private final DynamoDbClient dynamo;
  private Wired lbr;
  private ReconcileHandler reconcile;
  private TargetsHandler targets;
  private int coldStarts;

  FunctionsUnderTest(String cluster, String vpcId, MutableClock clock, Faults faults) {
    this.cluster = cluster;
    this.vpcId = vpcId;
    this.clock = clock;
    this.clients =
        faults == null ? AwsEmulator.clients() : AwsEmulator.clients(faults.interceptor());
    this.dynamo = faults == null ? DynamoDbLocal.client() : faults.dynamo(DynamoDbLocal.client());
    coldStart();
  }

  /** A new process: new handlers and caches, same account and table. */
  private void coldStart() {
    lbr =
        Wired.of(
            new LbrConfig(cluster, AwsEmulator.region(), AwsEmulator.endpoint(), table, vpcId),
            clients,
            dynamo,
            clock,
            MotoQuirks::ruleMovesInSteps);
    reconcile = new ReconcileHandler(lbr.processor(EnumSet.allOf(Kind.class)));
    targets = new TargetsHandler(lbr.processor(EnumSet.of(Kind.ENDPOINT_SLICE)));
    coldStarts++;
  }

  Wired lbr() {
    return lbr;
  }

  int crashes() {
    return coldStarts - 1;
  }

  /**
   * One invocation with the batch; returns the messages to redeliver: those reported failed, or all
   * of them when the process crashed.
   */
  List<Delivery.Message> deliver(Delivery.Batch batch) {
    List<SqsBatches.Record> records = new ArrayList<>();
    for (int i = 0; i < batch.messages().size(); i++) {
      records.add(SqsBatches.Record.of("m" + i, batch.messages().get(i).body()));
    }
    RequestStreamHandler handler = batch.route() == Delivery.Route.TARGETS ? targets : reconcile;
    try {
      Set<String> failed = Set.copyOf(SqsBatches.invoke(handler, records).batchItemFailures());
      List<Delivery.Message> again = new ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        if (failed.contains("m" + i)) {
          again.add(batch.messages().get(i));
        }
      }
      return again;
    } catch (Faults.Crash crash) {
      coldStart();
      return batch.messages();
    }
  }

  @Override
  public void close() {
    clients.close();
  }
}
