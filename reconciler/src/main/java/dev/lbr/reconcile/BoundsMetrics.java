package dev.lbr.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The safety bounds' CloudWatch metrics, one embedded-metric-format line each (namespace {@value
 * #NAMESPACE}, dimension {@code Cluster}); Lambda sends stdout to CloudWatch Logs, which turns the
 * lines into metrics.
 */
public final class BoundsMetrics {
  public static final String NAMESPACE = "lbr/reconcile";

  /** An event-path load balancer deletion held: the budget was spent. */
  public static final String DELETIONS_HELD = "DeletionsHeld";

  /** An inventory refused: it would have tombstoned too much. */
  public static final String INVENTORIES_REFUSED = "InventoriesRefused";

  /** An event rejected for its resourceVersion. */
  public static final String VERSIONS_REJECTED = "VersionsRejected";

  /** A deletion past the bounds done under the override. */
  public static final String DELETIONS_FORCED = "DeletionsForced";

  private final String cluster;
  private final Clock clock;
  private final Consumer<String> sink;

  public BoundsMetrics(String cluster, Clock clock, Consumer<String> sink) {
    this.cluster = cluster;
    this.clock = clock;
    this.sink = sink;
  }

  /** One metric of value 1, with the given fields for whoever reads the log line. */
  void count(String metric, Map<String, Object> fields) {
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", clock.millis());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", NAMESPACE);
    directive.putArray("Dimensions").addArray().add("Cluster");
    directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
    root.put("Cluster", cluster);
    root.put(metric, 1);
    fields.forEach((k, v) -> root.put(k, String.valueOf(v)));
    sink.accept(root.toString());
  }
}
