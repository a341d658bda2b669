package dev.lbr.cli;

import dev.lbr.aws.ElbRateLimit;
import dev.lbr.drift.DriftOptions;
import dev.lbr.drift.DriftReport;
import dev.lbr.drift.StackDrift;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description =
        "Check every stack of the cluster against AWS and repair what differs; delete the resources"
            + " of stacks that no longer exist after a grace period. Prints the drift report.")
final class DriftCommand implements Callable<Integer> {
  @Mixin TargetOptions target;

  @Option(
      names = "--gc-grace",
      defaultValue = "24h",
      converter = DurationConverter.class,
      description =
          "How long a stack must be seen orphaned before its resources are deleted: 0s, 90m, 24h,"
              + " 7d or ISO-8601 (default: ${DEFAULT-VALUE}).")
  Duration gcGrace;

  @Option(
      names = "--dry-run",
      description = "Print the report only: change nothing in AWS or in the state table.")
  boolean dryRun;

  @Option(
      names = "--max-lb-deletes",
      defaultValue = "5",
      description =
          "Circuit breaker: refuse garbage collection that would delete more load balancers than"
              + " this in one run (default: ${DEFAULT-VALUE}).")
  int maxLbDeletes;

  @Option(names = "--force-gc", description = "Override the circuit breaker.")
  boolean forceGc;

  @Option(
      names = "--elb-calls-per-second",
      defaultValue = "10",
      description = "Rate budget of ELBv2 calls, describes included (default: ${DEFAULT-VALUE}).")
  double elbCallsPerSecond;

  @Override
  public Integer call() {
    DriftOptions options =
        new DriftOptions(
            gcGrace, maxLbDeletes, forceGc, dryRun, elbCallsPerSecond, Optional.empty());
    DriftReport report =
        target
            .session(!dryRun, new ElbRateLimit(elbCallsPerSecond))
            .controller()
            .drift()
            .run(options);
    System.out.print(report.toText());
    if (report.count(StackDrift.Outcome.FAILED) > 0) {
      return Lbr.FAILED;
    }
    if (report.breakerTripped()) {
      return Lbr.BREAKER_TRIPPED;
    }
    return report.count(StackDrift.Outcome.INVALID) > 0 ? Lbr.INVALID_INPUT : Lbr.OK;
  }

  /** {@code 0}, {@code 0s}, {@code 90m}, {@code 24h}, {@code 7d}, or ISO-8601 ({@code PT24H}). */
  static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      if (v.equals("0")) {
        return Duration.ZERO;
      }
      if (v.startsWith("p")) {
        return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
      }
      if (!v.matches("\\d+(ms|s|m|h|d)")) {
        throw new IllegalArgumentException(
            "not a duration: '" + value + "' (use e.g. 0s, 90m, 24h, 7d or PT24H)");
      }
      String unit = v.replaceAll("\\d", "");
      long n = Long.parseLong(v.substring(0, v.length() - unit.length()));
      return switch (unit) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
  }
}
