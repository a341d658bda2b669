package dev.lbr.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lbr.drift.DriftOptions;
import dev.lbr.event.Routing;
import dev.lbr.functions.ReconcileHandler;
import dev.lbr.functions.TargetsHandler;
import dev.lbr.reconcile.Controller;
import dev.lbr.reconcile.LbrConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What {@code lbr serve} runs once the AWS side exists: per route a {@link QueuePoller} thread
 * calling the route's handler, and the drift run on a timer. Each of them has its own composition
 * ({@link Session}), as each function has its own container; they meet only in DynamoDB (leases).
 */
final class ServeLoop implements AutoCloseable {

  /** The handlers {@link Routing} may name, by class. */
  private static final Map<String, Function<Controller, RequestStreamHandler>> HANDLERS =
      Map.of(
          ReconcileHandler.class.getName(), ReconcileHandler::new,
          TargetsHandler.class.getName(), TargetsHandler::new);

  /** How long a stop waits for a drift run in progress. */
  private static final Duration DRIFT_STOP_WAIT = Duration.ofMinutes(1);

  private final List<QueuePoller> pollers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<Session> sessions = new ArrayList<>();
  private final ScheduledExecutorService drift =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lbr-serve-drift"));
  private final PrintStream log;

  private ServeLoop(PrintStream log) {
    this.log = log;
  }

  /**
   * Starts the pollers and, unless {@code driftInterval} is zero, the drift timer (its first run
   * one interval from now).
   */
  static ServeLoop start(
      LbrConfig config,
      Routing routing,
      LocalDeployment.Deployed deployed,
      SqsClient sqs,
      Duration driftInterval,
      PrintStream log) {
    ServeLoop loop = new ServeLoop(log);
    for (Routing.Route route : routing.routes()) {
      var factory = HANDLERS.get(route.handlerClass());
      if (factory == null) {
        loop.close();
        throw new IllegalStateException("lbr serve cannot run the handler " + route.handler());
      }
      Controller controller = loop.controller(config);
      loop.poll(
          route.id(),
          sqs,
          deployed.queueUrls().get(route.id()),
          config.region(),
          factory.apply(controller),
          log);
    }
    // the targets function's delayed health checks (pod readiness gates)
    loop.poll(
        "health",
        sqs,
        deployed.healthQueueUrl(),
        config.region(),
        new TargetsHandler(loop.controller(config)),
        log);
    if (!driftInterval.isZero()) {
      Controller controller = loop.controller(config);
      long seconds = driftInterval.toSeconds();
      loop.drift.scheduleWithFixedDelay(
          () -> loop.runDrift(controller), seconds, seconds, TimeUnit.SECONDS);
    }
    return loop;
  }

  private void poll(
      String id,
      SqsClient sqs,
      String queueUrl,
      String region,
      RequestStreamHandler handler,
      PrintStream log) {
    QueuePoller poller = new QueuePoller(id, sqs, queueUrl, region, handler, log);
    pollers.add(poller);
    Thread thread = new Thread(poller, "lbr-serve-" + id);
    threads.add(thread);
    thread.start();
  }

  /** Each function has its own container in Lambda: here, its own composition. */
  private Controller controller(LbrConfig config) {
    Session session = Session.open(config, false);
    sessions.add(session);
    return session.controller();
  }

  /** The drift function's work; a failure is logged and the next run comes as planned. */
  private void runDrift(Controller controller) {
    try {
      log.println("lbr serve: drift: " + controller.drift().run(DriftOptions.defaults()).toJson());
    } catch (RuntimeException e) {
      log.println("lbr serve: drift failed: " + e.getMessage());
    }
  }

  /** Stops the pollers after their batch in flight and the drift timer after its run. */
  @Override
  public void close() {
    pollers.forEach(QueuePoller::stop);
    drift.shutdown();
    try {
      for (Thread t : threads) {
        t.join();
      }
      if (!drift.awaitTermination(DRIFT_STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
        log.println("lbr serve: drift still running after " + DRIFT_STOP_WAIT + "; stopping");
        drift.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sessions.forEach(Session::close);
  }
}
