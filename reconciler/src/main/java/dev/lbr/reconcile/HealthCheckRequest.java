package dev.lbr.reconcile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lbr.k8s.Json;

/**
 * A delayed target health check of one stack, as it travels on the targets queue beside the
 * forwarder's events: {@code {"targetHealthCheck": {"cluster": …, "stack": …, "attempt": n}}}.
 *
 * @param cluster the cluster; a check of another cluster is refused like a foreign event
 * @param stack the stack id
 * @param attempt 0 for the first check of a chain
 */
public record HealthCheckRequest(String cluster, String stack, int attempt) {
  static final String FIELD = "targetHealthCheck";

  /** Whether a queue message body is a health check rather than an event envelope. */
  static boolean isOne(String body) {
    return body != null && body.startsWith("{\"" + FIELD + "\"");
  }

  public String toJson() {
    return Json.write(new Envelope(this));
  }

  static HealthCheckRequest fromJson(String body) {
    HealthCheckRequest r = Json.read(body, Envelope.class).targetHealthCheck();
    if (r == null || r.cluster() == null || r.stack() == null || r.attempt() < 0) {
      throw new IllegalArgumentException("not a target health check: " + body);
    }
    return r;
  }

  HealthCheckRequest next() {
    return new HealthCheckRequest(cluster, stack, attempt + 1);
  }

  record Envelope(@JsonProperty(FIELD) HealthCheckRequest targetHealthCheck) {
    @JsonCreator
    Envelope {}
  }
}
