package dev.lbr.infra;

import dev.lbr.event.Routing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The whole AWS side of one lbr deployment: the forwarder's bus and role, the queues (events in,
 * stack results out), the three functions, the state table, the drift schedule, the dashboard and
 * alarms.
 */
public final class LbrStack extends Stack {

  /**
   * @param settings the validated context
   * @param functionsJar the functions' deployable jar
   * @param forwarderDeployDir {@code forwarder/deploy}, rendered into the manifest output
   */
  public record Props(Settings settings, Path functionsJar, Path forwarderDeployDir) {}

  /** Memory of every function; see docs/deploy.md ("Sizing") for why. */
  static final int MEMORY_MB = 1024;

  /**
   * Queue-driven functions. A pass keeps its stack's lease by heartbeats, so this is not bounded by
   * the lease TTL; the route queues hide a message for longer than this plus the TTL
   * (docs/design.md, "Leases").
   */
  static final Duration QUEUE_FUNCTION_TIMEOUT = Duration.seconds(90);

  /**
   * Drift walks the cluster's stacks within an ELBv2 rate budget (about 9 calls per clean stack,
   * `bin/bench drift`) and stops 90 s before its timeout, resuming from a cursor on the next run:
   * the longer the run, the more stacks it covers (~830 at 10 calls/s in 14 minutes). One minute
   * less than the schedule's period, so runs do not overlap (the reserved concurrency serializes
   * them anyway); at most Lambda's 15 minutes, at least 3 so a run outlasts its 90 s margin.
   */
  static Duration driftTimeout(int driftRateMinutes) {
    return Duration.minutes(Math.min(14, Math.max(3, driftRateMinutes - 1)));
  }

  public LbrStack(Construct scope, String id, StackProps stackProps, Props props) {
    super(scope, id, stackProps);
    Settings s = props.settings();

    StateStore state = new StateStore(this, "State");
    ForwarderAccess forwarder =
        new ForwarderAccess(
            this,
            "Forwarder",
            new ForwarderAccess.Props(
                s.clusterName(),
                s.forwarderIdentity(),
                props.forwarderDeployDir(),
                s.forwarderImage()));
    Routing routing = Routing.of(s.clusterName());
    EventIngress ingress =
        new EventIngress(
            this, "Ingress", new EventIngress.Props(routing, forwarder.role(), Duration.days(14)));

    StatusQueue status =
        new StatusQueue(
            this, "Status", new StatusQueue.Props(routing.statusQueue(), forwarder.role()));

    Code code = FunctionCode.asset(props.functionsJar());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CLUSTER_NAME", s.clusterName());
    env.put("STATE_TABLE", state.table().getTableName());
    env.put("STATUS_QUEUE_URL", status.queue().getQueueUrl());
    env.put("VPC_ID", s.vpcId());
    List<PolicyStatement> permissions =
        ControllerPermissions.statements(s.clusterName(), s.vpcId(), s.bindableTargetGroups());

    // Delayed target health checks (pod readiness gates): the targets function sends them to
    // itself, and nobody else may.
    RedrivenQueue health = RedrivenQueue.create(this, "Health", routing.healthCheckQueue());

    Map<String, Function> functions = new LinkedHashMap<>();
    ReconcilerFunction targetsFunction = null;
    List<String> writers = new ArrayList<>();
    Map<String, Queue> queues = new LinkedHashMap<>();
    Map<String, Queue> dlqs = new LinkedHashMap<>();
    for (Routing.Route route : routing.routes()) {
      int concurrency =
          route.id().equals(Routing.RECONCILE) ? s.reconcileConcurrency() : s.targetsConcurrency();
      RedrivenQueue queue = ingress.queue(route.id());
      boolean targets = route.id().equals(Routing.TARGETS);
      Map<String, String> fnEnv = new LinkedHashMap<>(env);
      if (targets) {
        fnEnv.put("TARGET_HEALTH_QUEUE_URL", health.queue().getQueueUrl());
      }
      ReconcilerFunction fn =
          new ReconcilerFunction(
              this,
              capitalized(route.id()),
              new ReconcilerFunction.Props(
                  route.id(),
                  route.handler(),
                  code,
                  MEMORY_MB,
                  QUEUE_FUNCTION_TIMEOUT,
                  concurrency,
                  fnEnv,
                  retention(s.logRetentionDays()),
                  permissions));
      grantState(state, fn);
      writers.add(fn.role().getRoleArn());
      SqsEventSource.Builder source =
          SqsEventSource.Builder.create(queue.queue())
              .batchSize(Routing.BATCH_SIZE)
              .maxBatchingWindow(RedrivenQueue.seconds(Routing.BATCHING_WINDOW))
              .reportBatchItemFailures(true);
      if (concurrency >= 2) {
        // Lambda's poller stops at the reserved concurrency instead of being throttled.
        source.maxConcurrency(concurrency);
      }
      fn.alias().addEventSource(source.build());
      if (targets) {
        targetsFunction = fn;
        healthChecks(health, fn);
      }
      status.grantSend(fn.role());
      functions.put(route.id(), fn.function());
      queues.put(route.id(), queue.queue());
      dlqs.put(route.id(), queue.deadLetterQueue());
    }

    Map<String, String> driftEnv = new LinkedHashMap<>(env);
    driftEnv.putAll(s.driftEnvironment());
    // the drift run restarts the health checks of pods still waiting for their gate
    driftEnv.put("TARGET_HEALTH_QUEUE_URL", health.queue().getQueueUrl());
    ReconcilerFunction drift =
        new ReconcilerFunction(
            this,
            "Drift",
            new ReconcilerFunction.Props(
                "drift",
                "dev.lbr.functions.DriftHandler::handleRequest",
                code,
                MEMORY_MB,
                driftTimeout(s.driftRateMinutes()),
                s.driftConcurrency(),
                driftEnv,
                retention(s.logRetentionDays()),
                permissions));
    grantState(state, drift);
    health.queue().grant(drift.role(), "sqs:SendMessage");
    health
        .queue()
        .addToResourcePolicy(
            health
                .denySend("OnlyTheTargetsAndDriftFunctionsSend")
                .conditions(
                    Map.of(
                        "ArnNotEquals",
                        Map.of(
                            "aws:PrincipalArn",
                            List.of(
                                java.util.Objects.requireNonNull(targetsFunction)
                                    .role()
                                    .getRoleArn(),
                                drift.role().getRoleArn()))))
                .build());
    status.grantSend(drift.role());
    writers.add(drift.role().getRoleArn());
    writers.addAll(s.stateWriters());
    state.denyWritesExcept(writers);
    Rule.Builder.create(this, "DriftSchedule")
        .description("lbr drift correction and garbage collection for " + s.clusterName())
        .schedule(Schedule.expression(s.driftScheduleExpression()))
        .targets(List.of(LambdaFunction.Builder.create(drift.alias()).retryAttempts(2).build()))
        .build();
    functions.put("drift", drift.function());
    queues.put("status", status.queue());
    dlqs.put("status", status.deadLetterQueue());
    queues.put("health", health.queue());
    dlqs.put("health", health.deadLetterQueue());

    new Monitoring(
        this,
        "Monitoring",
        new Monitoring.Props(
            "lbr-" + s.clusterName(),
            functions,
            queues,
            dlqs,
            Map.of("status", status.queue()),
            ingress.rules(),
            5.0,
            s.clusterName()));

    output("EventBusName", ingress.bus().getEventBusName(), "the bus the forwarder publishes to");
    output("EventBusArn", ingress.bus().getEventBusArn(), "the bus's ARN");
    output("ForwarderRoleArn", forwarder.role().getRoleArn(), "the forwarder's role");
    output("StateTableName", state.table().getTableName(), "the state table");
    output(
        "StatusQueueUrl",
        status.queue().getQueueUrl(),
        "the stack results the forwarder writes back to the cluster (--status-queue)");
    output(
        "ForwarderManifest",
        forwarder.manifest(ingress.bus().getEventBusName(), status.queue().getQueueUrl()),
        "kubectl apply -f forwarder/deploy/00-namespace.yaml -f forwarder/deploy/20-rbac.yaml,"
            + " then apply this, then forwarder/deploy/40-webhook.yaml");
  }

  /**
   * The item calls of {@code dev.lbr.state} (GetItem, PutItem, UpdateItem, DeleteItem, Query), on
   * the table and its index: narrower than grantReadWriteData (no batch, scan or stream reads).
   */
  private static void grantState(StateStore state, ReconcilerFunction fn) {
    state
        .table()
        .grant(
            fn.role(),
            "dynamodb:GetItem",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:Query");
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * Settings has checked the value is one CloudWatch accepts; CDK's enum lists the same values in
   * the same order (INFINITE last).
   */
  static RetentionDays retention(int days) {
    List<Integer> accepted = Settings.LOG_RETENTION_DAYS.stream().sorted().toList();
    return RetentionDays.values()[accepted.indexOf(days)];
  }

  /**
   * The targets function sends its delayed health checks to {@code health} and consumes them, in
   * batches like its events (the drift function may send too; the queue refuses everyone else).
   */
  private static void healthChecks(RedrivenQueue health, ReconcilerFunction fn) {
    health.queue().grant(fn.role(), "sqs:SendMessage");
    fn.alias()
        .addEventSource(
            SqsEventSource.Builder.create(health.queue())
                .batchSize(Routing.BATCH_SIZE)
                .reportBatchItemFailures(true)
                .build());
  }
}
