package dev.lbr.forwarder.status;

import dev.lbr.forwarder.ForwarderOptions;
import dev.lbr.forwarder.publish.ForwarderMetrics;
import dev.lbr.forwarder.publish.JsonLog;
import io.kubernetes.client.openapi.ApiClient;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The write-back's object graph: status queue → poller → {@link StatusWriter} (stack results) or
 * {@link PodConditionWriter} (readiness gates) → Kubernetes API.
 */
public final class StatusWriteback implements AutoCloseable {
  private final SqsClient sqs;
  private final StatusQueuePoller poller;

  private StatusWriteback(SqsClient sqs, StatusQueuePoller poller) {
    this.sqs = sqs;
    this.poller = poller;
  }

  /**
   * Starts polling {@code options.statusQueue()} whenever {@code leading} says so.
   *
   * @param client an API client with a finite read timeout (not the watches' one)
   * @param instance this replica's name, for the events' {@code reportingInstance}
   * @param metrics where pod condition patches are counted
   */
  public static StatusWriteback start(
      ForwarderOptions options,
      ApiClient client,
      BooleanSupplier leading,
      String instance,
      ForwarderMetrics metrics) {
    String queue = options.statusQueue().orElseThrow();
    SqsClient sqs =
        StatusQueuePoller.client(options.endpoint().orElse(null), options.region().orElse(null));
    KubeRest kube = new KubeRest(client);
    StatusWriter writer =
        new StatusWriter(
            kube,
            options.cluster(),
            options.namespaces(),
            options.targetGroupBindings(),
            instance,
            Clock.systemUTC());
    PodConditionWriter pods =
        new PodConditionWriter(kube, options.cluster(), Clock.systemUTC(), metrics);
    StatusQueuePoller poller =
        new StatusQueuePoller(sqs, queue, writer, pods, leading, StatusQueuePoller.WAIT_SECONDS);
    poller.start();
    JsonLog.info(
        "status write-back started",
        "queue",
        queue,
        "targetGroupBindings",
        options.targetGroupBindings().name().toLowerCase());
    return new StatusWriteback(sqs, poller);
  }

  @Override
  public void close() {
    poller.close();
    sqs.close();
  }
}
