package dev.lbr.reconcile;

import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The port through which the safety bounds count their CloudWatch metrics (namespace {@value
 * #NAMESPACE}, dimension {@code Cluster}). The functions implement it with Powertools metrics (one
 * embedded-metric-format line per count); elsewhere (the CLI, tests) {@link #logged()} writes a log
 * line.
 */
public interface BoundsMetrics {
  String NAMESPACE = "lbr/reconcile";

  /** An event-path load balancer deletion held: the budget was spent. */
  String DELETIONS_HELD = "DeletionsHeld";

  /** An inventory refused: it would have tombstoned too much. */
  String INVENTORIES_REFUSED = "InventoriesRefused";

  /** An event rejected for its resourceVersion. */
  String VERSIONS_REJECTED = "VersionsRejected";

  /** A deletion past the bounds done under the override. */
  String DELETIONS_FORCED = "DeletionsForced";

  /** One metric of value 1, with the given fields for whoever reads the line. */
  void count(String metric, Map<String, Object> fields);

  /** Counts as log lines: {@code metric}, with the metric's name and the fields as key-values. */
  static BoundsMetrics logged() {
    return (metric, fields) -> {
      LoggingEventBuilder line =
          LoggerFactory.getLogger(BoundsMetrics.class).atInfo().addKeyValue("metric", metric);
      fields.forEach(line::addKeyValue);
      line.log("metric");
    };
  }
}
