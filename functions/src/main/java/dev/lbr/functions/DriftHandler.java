package dev.lbr.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lbr.aws.ElbRateLimit;
import dev.lbr.drift.DriftOptions;
import dev.lbr.drift.DriftReport;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.LbrConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * The "drift" function, run on a schedule: one drift run over every stack of the cluster (repair,
 * garbage collection, a report kept in DynamoDB). Stops {@link #MARGIN} before the Lambda timeout;
 * the next run resumes where this one stopped. Logs the report (one structured line, {@code
 * drift-report}) and the run's metrics ({@link LambdaMetrics}).
 *
 * <p>Environment: as the other functions, plus {@code GC_GRACE} (ISO-8601, default PT24H), {@code
 * DRIFT_MAX_LB_DELETES} (default 5), {@code DRIFT_ELB_CALLS_PER_SECOND} (default 10).
 */
public final class DriftHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  static final Duration MARGIN = Duration.ofSeconds(90);
  private static final Logger LOG = LoggerFactory.getLogger(DriftHandler.class);

  private final Controller controller;
  private final DriftOptions options;
  private final Clock clock;
  private final Consumer<DriftReport> metrics;

  /** For Lambda: its own clients, with the ELBv2 rate budget on them, primed before a snapshot. */
  public DriftHandler() {
    this(DriftOptions.fromEnvironment(System.getenv()));
  }

  private DriftHandler(DriftOptions options) {
    this(options, LbrConfig.fromEnvironment(System.getenv()));
  }

  private DriftHandler(DriftOptions options, LbrConfig config) {
    this(options, config, LambdaMetrics.of(config.cluster()));
  }

  private DriftHandler(DriftOptions options, LbrConfig config, LambdaMetrics metrics) {
    this(
        Wiring.controller(config, metrics, new ElbRateLimit(options.elbCallsPerSecond())),
        options,
        Clock.systemUTC(),
        metrics::publish);
  }

  /** For tests: the rate budget, if any, is on {@code controller}'s clients; no metrics. */
  public DriftHandler(Controller controller, DriftOptions options, Clock clock) {
    this(controller, options, clock, report -> {});
  }

  DriftHandler(
      Controller controller, DriftOptions options, Clock clock, Consumer<DriftReport> metrics) {
    this.controller = controller;
    this.options = options;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return InvocationLogging.around(context, () -> drift(context));
  }

  private Map<String, Object> drift(Context context) {
    DriftOptions run = options;
    if (context != null) {
      Duration left = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
      run = options.withDeadline(clock.instant().plus(left));
    }
    DriftReport report = controller.drift().run(run);
    // the report (every stack that was not clean) as a JSON object inside the log line
    LOG.info("drift-report", StructuredArguments.entry("report", report.toJson()));
    metrics.accept(report);
    return Map.copyOf(report.counts());
  }
}
