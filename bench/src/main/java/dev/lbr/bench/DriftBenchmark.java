package dev.lbr.bench;

import dev.lbr.aws.CallCounter;
import dev.lbr.drift.DriftOptions;
import dev.lbr.drift.DriftReport;
import dev.lbr.functions.SqsBatches;
import dev.lbr.testing.AwsEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * ELBv2 calls and time of one drift run over {@code --stacks} (200) clean Service → NLB stacks (ip
 * targets on pod interfaces of a cluster-tagged node group, scenario 01's annotations), created
 * first through the reconcile function. The run has no rate budget here, so the time is the
 * emulator's; the last column is what the default budget (10 ELBv2 calls per second) makes of the
 * same calls. Run by {@code bin/bench drift}.
 */
final class DriftBenchmark {
  static final String CLUSTER = "bench";

  public static void main(String[] args) {
    int stacks = ReconcileBenchmark.option(args, "--stacks", 200);
    BenchAccount account = BenchAccount.start(CLUSTER, UnaryOperator.identity());
    CallCounter calls = account.calls();
    PodNetwork.create(account.clients().ec2(), account.world(), stacks, 2);
    var reconcile = account.reconcileHandler();
    for (int i = 1; i <= stacks; i++) {
      SqsBatches.Response response =
          ReconcileBenchmark.send(reconcile, new BenchStack(CLUSTER, i).create(2));
      if (!response.batchItemFailures().isEmpty()) {
        throw new IllegalStateException("creating stack " + i + " failed: " + response);
      }
    }
    DriftOptions options =
        new DriftOptions(
            DriftOptions.DEFAULT_GC_GRACE,
            DriftOptions.DEFAULT_MAX_LB_DELETES,
            false,
            false,
            1_000_000,
            Optional.empty());

    List<String> rows = new ArrayList<>();
    Map<String, Map<String, Long>> operations = Map.of();
    for (String run : List.of("cold", "warm")) {
      calls.reset();
      HeapPeak.reset();
      long start = System.nanoTime();
      DriftReport report = account.lbr().drift().run(options);
      double seconds = (System.nanoTime() - start) / 1e9;
      long heap = HeapPeak.mebibytes();
      if (report.drifted() != 0 || report.stacks().size() != stacks) {
        throw new IllegalStateException("expected " + stacks + " clean stacks: " + report.counts());
      }
      long elb = calls.total(CallCounter.ELBV2);
      rows.add(
          "| %-4s | %6d | %5d | %15d | %14d | %3d | %8d | %6.1f | %19.0f | %14d |"
              .formatted(
                  run,
                  report.stacks().size(),
                  elb,
                  calls.describes(CallCounter.ELBV2),
                  calls.mutating(CallCounter.ELBV2),
                  calls.total(CallCounter.EC2),
                  calls.total(CallCounter.DYNAMODB),
                  seconds,
                  elb / DriftOptions.DEFAULT_ELB_CALLS_PER_SECOND,
                  heap));
      operations = calls.snapshot();
    }
    StringBuilder out = new StringBuilder();
    out.append(
        "lbr drift benchmark: one drift run over %d clean Service → NLB stacks, on %s (%s) + DynamoDB Local (embedded)\n\n"
            .formatted(stacks, AwsEmulator.setting(), AwsEmulator.endpoint()));
    out.append(
        "| run  | stacks | ELBv2 | ELBv2 describes | ELBv2 mutating | EC2 | DynamoDB | time s | s at 10 ELBv2 calls/s | peak heap MiB |\n");
    out.append(
        "|------|-------:|------:|----------------:|---------------:|----:|---------:|-------:|--------------------:|--------------:|\n");
    rows.forEach(r -> out.append(r).append('\n'));
    out.append("\noperations of the warm run: ");
    out.append(Report.operations(operations));
    System.out.println(out);
    account.clients().close();
    System.exit(0);
  }
}
