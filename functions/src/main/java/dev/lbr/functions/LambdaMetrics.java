package dev.lbr.functions;

import dev.lbr.drift.DriftReport;
import dev.lbr.reconcile.BoundsMetrics;
import java.util.Map;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The functions' CloudWatch metrics through Powertools (embedded-metric-format lines on stdout),
 * dimension {@code Cluster}: the safety bounds' counts (namespace {@value
 * BoundsMetrics#NAMESPACE}), each flushed when it happens with its fields, and a drift run's counts
 * (namespace {@value #DRIFT_NAMESPACE}), flushed once per invocation.
 */
final class LambdaMetrics implements BoundsMetrics {
  static final String DRIFT_NAMESPACE = "lbr/drift";

  private final Metrics metrics;
  private final String cluster;

  LambdaMetrics(Metrics metrics, String cluster) {
    this.metrics = metrics;
    this.cluster = cluster;
  }

  /** On the process's Powertools metrics. */
  static LambdaMetrics of(String cluster) {
    return new LambdaMetrics(MetricsFactory.getMetricsInstance(), cluster);
  }

  @Override
  public void count(String metric, Map<String, Object> fields) {
    metrics.flushMetrics(
        line -> {
          line.setNamespace(NAMESPACE);
          line.setDefaultDimensions(DimensionSet.of("Cluster", cluster));
          line.addMetric(metric, 1, MetricUnit.COUNT);
          fields.forEach((key, value) -> line.addMetadata(key, String.valueOf(value)));
        });
  }

  /** A drift run's counts ({@link DriftReport#counts()}), with its flags as fields. */
  void publish(DriftReport report) {
    metrics.flushMetrics(
        line -> {
          line.setNamespace(DRIFT_NAMESPACE);
          line.setDefaultDimensions(DimensionSet.of("Cluster", report.cluster()));
          report.counts().forEach((name, value) -> line.addMetric(name, value, MetricUnit.COUNT));
          line.addMetadata("event", "drift-run");
          line.addMetadata("dryRun", report.dryRun());
          line.addMetadata("complete", report.complete());
          line.addMetadata("breakerTripped", report.breakerTripped());
        });
  }
}
