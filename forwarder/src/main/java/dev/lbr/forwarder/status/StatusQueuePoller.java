package dev.lbr.forwarder.status;

import dev.lbr.event.InvalidEventException;
import dev.lbr.event.PodConditions;
import dev.lbr.event.StackResult;
import dev.lbr.forwarder.publish.EventBridgeClients;
import dev.lbr.forwarder.publish.JsonLog;
import java.net.URI;
import java.util.List;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls the cluster's status queue while this replica leads, and applies each message: a stack
 * result ({@link StatusWriter}) or pod conditions for readiness gates ({@link PodConditionWriter},
 * told apart by {@link PodConditions#isOne}). A message is deleted once applied, or once found
 * stale, of another cluster or unreadable; a message whose application failed stays, so SQS
 * delivers it again after its visibility timeout (and its DLQ takes it after the queue's maximum
 * receives). Messages received when leadership or the process ends are left for the next leader.
 */
public final class StatusQueuePoller implements AutoCloseable {
  public static final int WAIT_SECONDS = 20;
  static final int MAX_MESSAGES = 10;
  private static final long STANDBY_MILLIS = 1000;
  private static final long ERROR_PAUSE_MILLIS = 5000;

  private final SqsClient sqs;
  private final String queueUrl;
  private final StatusWriter writer;
  private final PodConditionWriter pods;
  private final BooleanSupplier leading;
  private final int waitSeconds;
  private final Object pause = new Object();
  private volatile boolean closed;
  private Thread thread;

  public StatusQueuePoller(
      SqsClient sqs,
      String queueUrl,
      StatusWriter writer,
      PodConditionWriter pods,
      BooleanSupplier leading,
      int waitSeconds) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.writer = writer;
    this.pods = pods;
    this.leading = leading;
    this.waitSeconds = waitSeconds;
  }

  /** The SQS client for {@code --endpoint} and {@code --region}. */
  public static SqsClient client(URI endpoint, String region) {
    return EventBridgeClients.at(
            SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()),
            endpoint,
            region)
        .build();
  }

  public synchronized void start() {
    thread = new Thread(this::loop, "status-queue");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (!closed) {
      try {
        if (leading.getAsBoolean()) {
          pollOnce();
        } else {
          pause(STANDBY_MILLIS);
        }
      } catch (RuntimeException e) {
        if (!closed) {
          JsonLog.warn("status queue receive failed", "queue", queueUrl, "error", e.getMessage());
          pause(ERROR_PAUSE_MILLIS);
        }
      }
    }
  }

  /** Waits, unless closed meanwhile. */
  private void pause(long millis) {
    synchronized (pause) {
      try {
        if (!closed) {
          pause.wait(millis);
        }
      } catch (InterruptedException e) {
        closed = true;
      }
    }
  }

  /** One receive, and each message handled; returns how many were deleted. */
  public int pollOnce() {
    List<Message> messages =
        sqs.receiveMessage(
                b ->
                    b.queueUrl(queueUrl)
                        .waitTimeSeconds(waitSeconds)
                        .maxNumberOfMessages(MAX_MESSAGES))
            .messages();
    int deleted = 0;
    for (Message m : messages) {
      if (closed || !leading.getAsBoolean()) {
        break; // visible again after the timeout, for whoever leads
      }
      if (handle(m)) {
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        deleted++;
      }
    }
    return deleted;
  }

  /** True when the message is done with (applied or not worth retrying). */
  private boolean handle(Message m) {
    return PodConditions.isOne(m.body()) ? handlePods(m) : handleResult(m);
  }

  private boolean handlePods(Message m) {
    PodConditions c;
    try {
      c = PodConditions.fromJson(m.body());
    } catch (InvalidEventException e) {
      JsonLog.warn("pod conditions dropped", "messageId", m.messageId(), "error", e.getMessage());
      return true;
    }
    try {
      PodConditionWriter.Applied applied = pods.apply(c);
      if (applied.otherCluster()) {
        JsonLog.info("pod conditions of another cluster dropped", "cluster", c.cluster());
      }
      return true;
    } catch (RuntimeException e) {
      JsonLog.warn(
          "pod conditions not applied, left for redelivery",
          "stack",
          c.stack(),
          "checkedAt",
          c.checkedAt(),
          "error",
          e.getMessage());
      return false;
    }
  }

  private boolean handleResult(Message m) {
    StackResult r;
    try {
      r = StackResult.fromJson(m.body());
    } catch (InvalidEventException e) {
      JsonLog.warn("stack result dropped", "messageId", m.messageId(), "error", e.getMessage());
      return true;
    }
    try {
      StatusWriter.Applied applied = writer.apply(r);
      JsonLog.info(
          "stack result " + applied.name().toLowerCase(),
          "stack",
          r.stack(),
          "outcome",
          r.outcome(),
          "sequence",
          r.sequence());
      return true;
    } catch (RuntimeException e) {
      JsonLog.warn(
          "stack result not applied, left for redelivery",
          "stack",
          r.stack(),
          "sequence",
          r.sequence(),
          "error",
          e.getMessage());
      return false;
    }
  }

  /**
   * Stops: a result being applied is finished first; a long poll in flight may outlive this (up to
   * {@value #WAIT_SECONDS} s) and then handles nothing, its messages return to the queue.
   */
  @Override
  public void close() {
    closed = true;
    synchronized (pause) {
      pause.notifyAll();
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
