package dev.lbr.infra;

import dev.lbr.event.Routing;
import dev.lbr.reconcile.BoundsMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * One dashboard (reconciles, errors, latency, throttles, DLQ depth, events in and out) and the
 * alarms an operator pages on: anything in a dead-letter queue, a function's error rate, and a
 * message left waiting in a queue whose consumer is outside the stack (the status queue).
 */
final class Monitoring extends Construct {

  /**
   * @param dashboardName the dashboard's name
   * @param functions short name → function
   * @param deadLetterQueues short name → its dead-letter queue
   * @param queues short name → its queue
   * @param ageWatched short name → a queue whose oldest message alarms past {@link
   *     #MAX_MESSAGE_AGE} (its consumer has stopped)
   * @param rules detail-type → rule
   * @param errorRatePercent the error-rate alarm threshold, in percent of invocations
   * @param cluster the cluster: the dimension of the reconciler's own metrics
   */
  record Props(
      String dashboardName,
      Map<String, Function> functions,
      Map<String, Queue> queues,
      Map<String, Queue> deadLetterQueues,
      Map<String, Queue> ageWatched,
      Map<String, Rule> rules,
      double errorRatePercent,
      String cluster) {}

  private static final Duration PERIOD = Duration.minutes(5);

  /** The forwarder consumes stack results within seconds; this long means it does not. */
  static final Duration MAX_MESSAGE_AGE = Duration.minutes(15);

  Monitoring(Construct scope, String id, Props props) {
    super(scope, id);
    MetricOptions sum = MetricOptions.builder().period(PERIOD).statistic("Sum").build();
    MetricOptions max = MetricOptions.builder().period(PERIOD).statistic("Maximum").build();

    List<IMetric> invocations = new ArrayList<>();
    List<IMetric> errors = new ArrayList<>();
    List<IMetric> p50 = new ArrayList<>();
    List<IMetric> p99 = new ArrayList<>();
    List<IMetric> throttles = new ArrayList<>();
    props
        .functions()
        .forEach(
            (name, fn) -> {
              invocations.add(fn.metricInvocations(label(sum, name)));
              errors.add(fn.metricErrors(label(sum, name)));
              throttles.add(fn.metricThrottles(label(sum, name)));
              p50.add(fn.metricDuration(stat(name + " p50", "p50")));
              p99.add(fn.metricDuration(stat(name + " p99", "p99")));
              errorRateAlarm(name, fn, props.errorRatePercent());
            });

    List<IMetric> dlqDepth = new ArrayList<>();
    props
        .deadLetterQueues()
        .forEach(
            (name, dlq) -> {
              Metric depth = dlq.metricApproximateNumberOfMessagesVisible(label(max, name));
              dlqDepth.add(depth);
              Alarm.Builder.create(this, name + "DlqNotEmpty")
                  .alarmDescription(
                      "lbr: messages in the "
                          + name
                          + " dead-letter queue: messages that failed "
                          + Routing.MAX_RECEIVE_COUNT
                          + " times. Inspect, fix, then redrive them.")
                  .metric(depth)
                  .threshold(1)
                  .evaluationPeriods(1)
                  .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                  .treatMissingData(TreatMissingData.NOT_BREACHING)
                  .build();
            });

    props
        .ageWatched()
        .forEach(
            (name, queue) ->
                Alarm.Builder.create(this, name + "OldestMessage")
                    .alarmDescription(
                        "lbr: a message waited over "
                            + MAX_MESSAGE_AGE.toMinutes()
                            + " minutes in the "
                            + name
                            + " queue: its consumer is not receiving.")
                    .metric(queue.metricApproximateAgeOfOldestMessage(max))
                    .threshold(MAX_MESSAGE_AGE.toSeconds())
                    .evaluationPeriods(1)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build());

    List<IMetric> eventsIn = new ArrayList<>();
    props
        .rules()
        .forEach(
            (detailType, rule) ->
                eventsIn.add(
                    Metric.Builder.create()
                        .namespace("AWS/Events")
                        .metricName("MatchedEvents")
                        .dimensionsMap(Map.of("RuleName", rule.getRuleName()))
                        .label(detailType)
                        .period(PERIOD)
                        .statistic("Sum")
                        .build()));
    List<IMetric> queued = new ArrayList<>();
    List<IMetric> consumed = new ArrayList<>();
    props
        .queues()
        .forEach(
            (name, q) -> {
              queued.add(q.metricNumberOfMessagesSent(label(sum, name + " in")));
              consumed.add(q.metricNumberOfMessagesDeleted(label(sum, name + " done")));
            });

    List<IWidget> row1 =
        List.of(
            graph("Reconciles (invocations)", invocations),
            graph("Errors", errors),
            graph("Latency (duration)", concat(p50, p99)));
    List<IWidget> row2 =
        List.of(
            graph("Throttles (reserved concurrency = ELB API budget)", throttles),
            graph("Dead-letter queue depth", dlqDepth),
            graph("Events in (matched per detail-type)", eventsIn));
    List<IMetric> bounds = boundsAlarms(props.cluster());
    List<IWidget> row3 =
        List.of(
            graph("Queue messages in / out", concat(queued, consumed)),
            graph("Deletion bounds and resourceVersion sanity", bounds));
    Dashboard.Builder.create(this, "Dashboard")
        .dashboardName(props.dashboardName())
        .widgets(List.of(row1, row2, row3))
        .build();
  }

  /**
   * The event path's safety bounds ({@code docs/operations.md}): a held deletion or a refused
   * inventory, and a rejected resourceVersion, each alarm at once.
   */
  private List<IMetric> boundsAlarms(String cluster) {
    Metric held = boundsMetric(cluster, BoundsMetrics.DELETIONS_HELD);
    Metric refused = boundsMetric(cluster, BoundsMetrics.INVENTORIES_REFUSED);
    Metric rejected = boundsMetric(cluster, BoundsMetrics.VERSIONS_REJECTED);
    Metric forced = boundsMetric(cluster, BoundsMetrics.DELETIONS_FORCED);
    MathExpression deletions =
        MathExpression.Builder.create()
            .expression("FILL(held, 0) + FILL(refused, 0)")
            .usingMetrics(Map.of("held", held, "refused", refused))
            .period(PERIOD)
            .label("deletions held or inventories refused")
            .build();
    Alarm.Builder.create(this, "DeletionsHeld")
        .alarmDescription(
            "lbr: the event path held load balancer deletions (budget spent) or refused an"
                + " inventory that would delete too much; drift GC collects them after its grace."
                + " Check the stacks' history; docs/operations.md, Deletion bounds.")
        .metric(deletions)
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    Alarm.Builder.create(this, "VersionsRejected")
        .alarmDescription(
            "lbr: events rejected for an impossible resourceVersion (forged, or a forwarder bug);"
                + " they go to the dead-letter queue. docs/operations.md, resourceVersion sanity.")
        .metric(rejected)
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    return List.of(held, refused, rejected, forced);
  }

  private static Metric boundsMetric(String cluster, String name) {
    return Metric.Builder.create()
        .namespace(BoundsMetrics.NAMESPACE)
        .metricName(name)
        .dimensionsMap(Map.of("Cluster", cluster))
        .period(PERIOD)
        .statistic("Sum")
        .label(name)
        .build();
  }

  private void errorRateAlarm(String name, Function fn, double thresholdPercent) {
    MathExpression rate =
        MathExpression.Builder.create()
            .expression("IF(invocations > 0, 100 * errors / invocations, 0)")
            .usingMetrics(
                Map.of(
                    "errors", fn.metricErrors(MetricOptions.builder().statistic("Sum").build()),
                    "invocations",
                        fn.metricInvocations(MetricOptions.builder().statistic("Sum").build())))
            .period(PERIOD)
            .label(name + " error rate (%)")
            .build();
    Alarm.Builder.create(this, name + "ErrorRate")
        .alarmDescription(
            "lbr: more than " + thresholdPercent + "% of " + name + " invocations failed")
        .metric(rate)
        .threshold(thresholdPercent)
        .evaluationPeriods(3)
        .datapointsToAlarm(2)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
  }

  private static GraphWidget graph(String title, List<IMetric> metrics) {
    return GraphWidget.Builder.create().title(title).left(metrics).width(8).height(6).build();
  }

  private static MetricOptions label(MetricOptions base, String label) {
    return MetricOptions.builder()
        .period(base.getPeriod())
        .statistic(base.getStatistic())
        .label(label)
        .build();
  }

  private static MetricOptions stat(String label, String statistic) {
    return MetricOptions.builder().period(PERIOD).statistic(statistic).label(label).build();
  }

  private static List<IMetric> concat(List<IMetric> a, List<IMetric> b) {
    List<IMetric> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
