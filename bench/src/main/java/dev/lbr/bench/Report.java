package dev.lbr.bench;

import dev.lbr.aws.CallCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Per-step samples, rendered as a Markdown table plus the operations of the last sample. */
final class Report {
  private record Sample(
      long elb,
      long elbMutating,
      long elbDescribes,
      long ec2,
      long ec2Mutating,
      long dynamo,
      long nanos) {}

  private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
  private final Map<String, Map<String, Map<String, Long>>> lastOperations = new LinkedHashMap<>();

  void add(String step, CallCounter calls, long nanos) {
    samples
        .computeIfAbsent(step, s -> new ArrayList<>())
        .add(
            new Sample(
                calls.total(CallCounter.ELBV2),
                calls.mutating(CallCounter.ELBV2),
                calls.describes(CallCounter.ELBV2),
                calls.total(CallCounter.EC2),
                calls.mutating(CallCounter.EC2),
                calls.total(CallCounter.DYNAMODB),
                nanos));
    lastOperations.put(step, calls.snapshot());
  }

  String render(String title) {
    StringBuilder out = new StringBuilder();
    out.append("lbr reconcile benchmark: ").append(title).append("\n\n");
    out.append("calls per reconcile (a range where stacks differ); latency over all stacks\n\n");
    out.append(
        "| step       | ELBv2 | ELBv2 mutating | ELBv2 describes | EC2 | EC2 mutating | DynamoDB |"
            + " p50 ms | p90 ms |\n");
    out.append(
        "|------------|------:|---------------:|----------------:|----:|-------------:|---------:|"
            + "-------:|-------:|\n");
    samples.forEach(
        (step, list) ->
            out.append(
                "| %-10s | %5s | %14s | %15s | %3s | %12s | %8s | %6.1f | %6.1f |\n"
                    .formatted(
                        step,
                        range(list, Sample::elb),
                        range(list, Sample::elbMutating),
                        range(list, Sample::elbDescribes),
                        range(list, Sample::ec2),
                        range(list, Sample::ec2Mutating),
                        range(list, Sample::dynamo),
                        percentile(list, 50),
                        percentile(list, 90))));
    out.append("\noperations of the last stack's reconcile:\n");
    lastOperations.forEach(
        (step, ops) -> out.append("  %-10s %s\n".formatted(step, operations(ops))));
    return out.toString();
  }

  private static String range(List<Sample> list, java.util.function.ToLongFunction<Sample> f) {
    long min = list.stream().mapToLong(f).min().orElse(0);
    long max = list.stream().mapToLong(f).max().orElse(0);
    return min == max ? Long.toString(min) : min + "–" + max;
  }

  /** Nearest-rank percentile of the latencies, in milliseconds. */
  private static double percentile(List<Sample> list, int p) {
    long[] sorted = list.stream().mapToLong(Sample::nanos).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  /** "service Operation×count ...; service ..." of a call counter's snapshot. */
  static String operations(Map<String, Map<String, Long>> byService) {
    if (byService.isEmpty()) {
      return "(no calls)";
    }
    return byService.entrySet().stream()
        .map(
            s ->
                s.getKey()
                    + " "
                    + s.getValue().entrySet().stream()
                        .map(e -> e.getKey() + "×" + e.getValue())
                        .collect(Collectors.joining(" ")))
        .collect(Collectors.joining("; "));
  }
}
