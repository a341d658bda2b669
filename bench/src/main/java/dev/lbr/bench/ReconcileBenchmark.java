package dev.lbr.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lbr.aws.CallCounter;
import dev.lbr.functions.SqsBatches;
import dev.lbr.functions.TargetsHandler;
import dev.lbr.k8s.Kind;
import dev.lbr.testing.AwsEmulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * AWS calls and latency per reconcile of a Service → NLB stack, on the emulator ({@code
 * LBR_TEST_ENDPOINT}, moto by default) and embedded DynamoDB Local. Each of {@code --stacks} stacks
 * goes through create, scale-up by {@code --scale} targets, scale-down, an unchanged re-apply and
 * delete; every step is one handler invocation, wired as the Lambda functions are (one warm
 * container: the subnet facts are cached 10 minutes). Run by {@code bin/bench}.
 */
public final class ReconcileBenchmark {
  static final String CLUSTER = "bench";
  static final int INITIAL_TARGETS = 2;

  /** A step of the stack's life; {@code targets} says which function receives it. */
  enum Step {
    CREATE("create", false),
    SCALE_UP("scale-up", true),
    SCALE_DOWN("scale-down", true),
    NO_OP("no-op", false),
    DELETE("delete", false);

    final String label;
    final boolean targets;

    Step(String label, boolean targets) {
      this.label = label;
      this.targets = targets;
    }
  }

  /** A benchmark's entry point. */
  @FunctionalInterface
  private interface Benchmark {
    void main(String[] args) throws Exception;
  }

  /** The other benchmarks, by the first argument that selects them. */
  private static final Map<String, Benchmark> OTHERS =
      Map.of(
          "alb-rules", AlbRulesBenchmark::main,
          "forwarder", ForwarderBenchmark::main,
          "status-latency", StatusLatencyBenchmark::main,
          "drift", DriftBenchmark::main,
          "cold-start", ColdStartBenchmark::main,
          "node-join", NodeJoinBenchmark::main);

  public static void main(String[] args) {
    Benchmark other = args.length > 0 ? OTHERS.get(args[0]) : null;
    if (other != null) {
      try {
        other.main(Arrays.copyOfRange(args, 1, args.length));
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    int stacks = option(args, "--stacks", 20);
    int scale = option(args, "--scale", 3);
    BenchAccount account = BenchAccount.start(CLUSTER, java.util.function.UnaryOperator.identity());
    CallCounter calls = account.calls();
    PodNetwork.create(account.clients().ec2(), account.world(), stacks, INITIAL_TARGETS + scale);
    var reconcile = account.reconcileHandler();
    var targets = new TargetsHandler(account.lbr().processor(EnumSet.of(Kind.ENDPOINT_SLICE)));

    List<BenchStack> all = new ArrayList<>();
    for (int i = 1; i <= stacks; i++) {
      all.add(new BenchStack(CLUSTER, i));
    }
    Map<Step, Function<BenchStack, List<String>>> events = new LinkedHashMap<>();
    events.put(Step.CREATE, s -> s.create(INITIAL_TARGETS));
    events.put(Step.SCALE_UP, s -> s.scale(INITIAL_TARGETS + scale));
    events.put(Step.SCALE_DOWN, s -> s.scale(INITIAL_TARGETS));
    events.put(Step.NO_OP, BenchStack::reapply);
    events.put(Step.DELETE, BenchStack::delete);

    Report report = new Report();
    // Step by step across all stacks, so each step meets an account holding the other stacks.
    events.forEach(
        (step, make) -> {
          for (BenchStack stack : all) {
            List<String> envelopes = make.apply(stack);
            calls.reset();
            long start = System.nanoTime();
            SqsBatches.Response response = send(step.targets ? targets : reconcile, envelopes);
            long nanos = System.nanoTime() - start;
            if (!response.batchItemFailures().isEmpty()) {
              throw new IllegalStateException(step.label + " failed for a stack: " + response);
            }
            report.add(step.label, calls, nanos);
          }
        });
    System.out.print(
        report.render(
            "%d Service → NLB stacks (ip targets %d → %d → %d), on %s (%s) + DynamoDB Local (embedded)"
                .formatted(
                    stacks,
                    INITIAL_TARGETS,
                    INITIAL_TARGETS + scale,
                    INITIAL_TARGETS,
                    AwsEmulator.setting(),
                    AwsEmulator.endpoint())));
    account.clients().close();
    System.exit(0); // DynamoDB Local and moto's shutdown hook: stop now, not when threads end
  }

  /** One SQS batch, one message per envelope (ids m0, m1, ...), as Lambda delivers it. */
  static SqsBatches.Response send(RequestStreamHandler handler, List<String> envelopes) {
    List<SqsBatches.Record> records = new ArrayList<>();
    for (String body : envelopes) {
      records.add(SqsBatches.Record.of("m" + records.size(), body));
    }
    return SqsBatches.invoke(handler, records);
  }

  static int option(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
