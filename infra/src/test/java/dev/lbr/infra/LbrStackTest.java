package dev.lbr.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.event.EventContract;
import dev.lbr.event.Routing;
import dev.lbr.k8s.Json;
import dev.lbr.reconcile.ReconcilerConfig;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every resource of the synthesized stack (IAM statements: {@link PermissionsTest}). */
class LbrStackTest {
  private final Template t = TestStacks.podIdentity();

  @Test
  void theStackHoldsExactlyTheseResources() {
    Map<String, Long> counts =
        t.toJSON().get("Resources") instanceof Map<?, ?> resources
            ? resources.values().stream()
                .map(r -> (String) ((Map<?, ?>) r).get("Type"))
                .collect(Collectors.groupingBy(x -> x, TreeMap::new, Collectors.counting()))
            : Map.of();
    assertThat(counts)
        .isEqualTo(
            new TreeMap<>(
                Map.ofEntries(
                    // 4 DLQs + 3 error rates + the status queue's oldest message
                    // + deletions held + versions rejected
                    Map.entry("AWS::CloudWatch::Alarm", 10L),
                    Map.entry("AWS::CloudWatch::Dashboard", 1L),
                    Map.entry("AWS::DynamoDB::Table", 1L),
                    Map.entry("AWS::EKS::PodIdentityAssociation", 1L),
                    Map.entry("AWS::Events::Archive", 1L),
                    Map.entry("AWS::Events::EventBus", 1L),
                    Map.entry("AWS::Events::EventBusPolicy", 1L),
                    // one per detail-type + the drift schedule
                    Map.entry("AWS::Events::Rule", (long) EventContract.detailTypes().size() + 1),
                    Map.entry("AWS::IAM::Policy", 4L),
                    Map.entry("AWS::IAM::Role", 4L), // three functions + the forwarder
                    Map.entry("AWS::Lambda::Alias", 3L),
                    // the two routes, and the targets function's health checks
                    Map.entry("AWS::Lambda::EventSourceMapping", 3L),
                    Map.entry("AWS::Lambda::Function", 3L),
                    Map.entry("AWS::Lambda::Permission", 1L), // the schedule invoking drift
                    Map.entry("AWS::Lambda::Version", 3L),
                    Map.entry("AWS::Logs::LogGroup", 3L),
                    // two route queues, the status queue, the health-check queue, their DLQs
                    Map.entry("AWS::SQS::Queue", 8L),
                    Map.entry("AWS::SQS::QueuePolicy", 8L))));
  }

  @Test
  void theBusOnlyAcceptsEventsFromTheForwarderRole() {
    t.hasResourceProperties(
        "AWS::Events::EventBusPolicy",
        Map.of(
            "Statement",
            Map.of(
                "Sid",
                "cdk-OnlyTheForwarderPutsEvents",
                "Effect",
                "Deny",
                "Principal",
                Map.of("AWS", "*"),
                "Action",
                "events:PutEvents",
                "Resource",
                Map.of("Fn::GetAtt", List.of(logicalId("AWS::Events::EventBus"), "Arn")),
                "Condition",
                Map.of(
                    "ArnNotEquals",
                    Map.of(
                        "aws:PrincipalArn",
                        Map.of("Fn::GetAtt", List.of(forwarderRole(), "Arn")))))));
  }

  @Test
  void theBusIsNamedAfterTheClusterForTheForwardersConfiguration() {
    t.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "lbr-demo"));
  }

  @Test
  void contextReachesTheFunctionsVpcDriftScheduleConcurrencyAndRetention() {
    Template custom =
        Template.fromStack(
            TestStacks.stack(
                Map.of(
                    "clusterName", "prod",
                    "vpcId", "vpc-0123456789abcdef0",
                    "driftRate", "rate(1 hour)",
                    "logRetentionDays", "7",
                    "reconcileConcurrency", "4",
                    "driftConcurrency", "2",
                    "gcGrace", "PT1H")));
    custom.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Handler",
            "dev.lbr.functions.DriftHandler::handleRequest",
            "ReservedConcurrentExecutions",
            2,
            "Environment",
            Map.of(
                "Variables",
                Match.objectEquals(
                    Map.of(
                        "CLUSTER_NAME",
                        "prod",
                        "STATE_TABLE",
                        Match.anyValue(),
                        "STATUS_QUEUE_URL",
                        Match.anyValue(),
                        "TARGET_HEALTH_QUEUE_URL",
                        Match.anyValue(),
                        "VPC_ID",
                        "vpc-0123456789abcdef0",
                        "GC_GRACE",
                        "PT1H")))));
    custom.hasResourceProperties(
        "AWS::Lambda::Function",
        Map.of(
            "Handler",
            "dev.lbr.functions.ReconcileHandler::handleRequest",
            "ReservedConcurrentExecutions",
            4,
            "Environment",
            Map.of(
                "Variables",
                Match.objectEquals(
                    Map.of(
                        "CLUSTER_NAME",
                        "prod",
                        "STATE_TABLE",
                        Match.anyValue(),
                        "STATUS_QUEUE_URL",
                        Match.anyValue(),
                        "VPC_ID",
                        "vpc-0123456789abcdef0")))));
    custom.hasResourceProperties(
        "AWS::Events::Rule", Map.of("ScheduleExpression", "rate(60 minutes)"));
    custom.resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7), 3);
    custom.hasResourceProperties(
        "AWS::Lambda::EventSourceMapping",
        Map.of("ScalingConfig", Map.of("MaximumConcurrency", 4)));
    // CreateSecurityGroup is scoped to the given VPC
    assertThat(custom.findResources("AWS::IAM::Policy").toString())
        .contains(":vpc/vpc-0123456789abcdef0");
  }

  @Test
  void theArchiveKeepsEveryForwarderEventForTwoWeeks() {
    t.hasResourceProperties(
        "AWS::Events::Archive",
        Map.of(
            "SourceArn", Map.of("Fn::GetAtt", List.of(logicalId("AWS::Events::EventBus"), "Arn")),
            "EventPattern", Map.of("source", List.of(EventContract.SOURCE)),
            "RetentionDays", 14));
  }

  @Test
  void eachDetailTypeHasARuleForItsClusterDeliveringToItsKindsQueueOnly() {
    Map<String, Map<String, Object>> rules =
        t.findResources(
            "AWS::Events::Rule", Map.of("Properties", Map.of("EventBusName", Match.anyValue())));
    assertThat(rules).hasSize(EventContract.detailTypes().size());
    for (String detailType : EventContract.detailTypes()) {
      String queue =
          EventContract.targetDetailTypes().contains(detailType)
              ? queueId("TARGETSQueue")
              : queueId("RECONCILEQueue");
      t.hasResourceProperties(
          "AWS::Events::Rule",
          Map.of(
              "EventBusName", Map.of("Ref", logicalId("AWS::Events::EventBus")),
              "EventPattern",
                  Map.of(
                      "source", List.of(EventContract.SOURCE),
                      "detail-type", List.of(detailType),
                      "detail", Map.of("cluster", List.of(TestStacks.CLUSTER))),
              "Targets",
                  List.of(
                      Match.objectLike(Map.of("Arn", Map.of("Fn::GetAtt", List.of(queue, "Arn"))))),
              "State", "ENABLED"));
    }
  }

  @Test
  void rulePatternsAreTheSharedRoutingsOnes() {
    Routing routing = Routing.of(TestStacks.CLUSTER);
    for (String detailType : EventContract.detailTypes()) {
      t.hasResourceProperties(
          "AWS::Events::Rule",
          Map.of(
              "EventPattern",
              Json.read(routing.pattern(detailType).toJson(), Map.class),
              "Targets",
              List.of(
                  Match.objectLike(
                      Map.of(
                          "Arn",
                          Map.of(
                              "Fn::GetAtt",
                              List.of(
                                  queueId(routing.routeOf(detailType).id().toUpperCase() + "Queue"),
                                  "Arn")))))));
    }
  }

  @Test
  void queuesRedriveToTheirDeadLetterQueueAndOutlastTheLease() {
    for (String route : List.of("RECONCILE", "TARGETS")) {
      t.hasResourceProperties(
          "AWS::SQS::Queue",
          Map.of(
              "VisibilityTimeout",
              540, // > the 90 s function timeout + the 10 s lease TTL, 6 x the function timeout
              "SqsManagedSseEnabled",
              true,
              "RedrivePolicy",
              Map.of(
                  "deadLetterTargetArn",
                  Map.of("Fn::GetAtt", List.of(queueId(route + "Dlq"), "Arn")),
                  "maxReceiveCount",
                  5)));
      t.hasResourceProperties(
          "AWS::SQS::Queue",
          Map.of("MessageRetentionPeriod", 1209600, "SqsManagedSseEnabled", true));
    }
  }

  @Test
  void queueVisibilityOutlastsEveryQueueFunctionTimeoutPlusTheLease() {
    // docs/design.md, "Leases": a dead holder's message must reappear only after its lease expired.
    // A pass keeps its lease by heartbeats, so a holder dies at the latest at the function timeout
    // and its lease expires one TTL later. The scheduled drift function has no message.
    long leaseSeconds = ReconcilerConfig.defaults(TestStacks.CLUSTER).leaseTtl().toSeconds();
    long longestTimeout = 0;
    for (Map<String, Object> fn : t.findResources("AWS::Lambda::Function").values()) {
      if (!properties(fn).get("Handler").toString().contains("DriftHandler")) {
        longestTimeout =
            Math.max(longestTimeout, ((Number) properties(fn).get("Timeout")).longValue());
      }
    }
    long holderGoneAfter = longestTimeout + leaseSeconds;
    assertThat(longestTimeout).isPositive();
    t.findResources("AWS::SQS::Queue").entrySet().stream()
        .filter(q -> q.getKey().startsWith("Ingress")) // the route queues
        .map(q -> properties(q.getValue()))
        .filter(q -> q.containsKey("RedrivePolicy"))
        .forEach(
            q ->
                assertThat(((Number) q.get("VisibilityTimeout")).longValue())
                    .isGreaterThan(holderGoneAfter));
  }

  @Test
  void functionsRunJava21WithSnapStartReservedConcurrencyAndTheirEnvironment() {
    Map<String, String> handlers =
        Map.of(
            "dev.lbr.functions.ReconcileHandler::handleRequest", "Reconcile",
            "dev.lbr.functions.TargetsHandler::handleRequest", "Targets",
            "dev.lbr.functions.DriftHandler::handleRequest", "Drift");
    handlers.forEach(
        (handler, name) ->
            t.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                    "Handler",
                    handler,
                    "Runtime",
                    "java21",
                    "Architectures",
                    List.of("arm64"),
                    "MemorySize",
                    1024,
                    "Timeout",
                    name.equals("Drift")
                        ? 14 * 60
                        : 90, // drift: the default 15-minute schedule less one
                    "SnapStart",
                    Map.of("ApplyOn", "PublishedVersions"),
                    "ReservedConcurrentExecutions",
                    name.equals("Drift") ? 1 : 10,
                    "Environment",
                    Map.of("Variables", Match.objectEquals(environment(name))),
                    "LoggingConfig",
                    Match.objectLike(Map.of("LogGroup", Match.anyValue())))));
    // No endpoint override and no AWS_REGION (Lambda sets it): the real AWS of the account.
    t.findResources("AWS::Lambda::Function")
        .values()
        .forEach(fn -> assertThat(variables(fn)).doesNotContainKeys("LBR_ENDPOINT", "AWS_REGION"));
  }

  /**
   * Every function's environment; the targets and drift functions also know the health-check queue.
   */
  private Map<String, Object> environment(String function) {
    Map<String, Object> env = new java.util.HashMap<>();
    env.put("CLUSTER_NAME", TestStacks.CLUSTER);
    env.put("STATE_TABLE", Map.of("Ref", logicalId("AWS::DynamoDB::Table")));
    env.put("STATUS_QUEUE_URL", Map.of("Ref", statusQueueId("StatusQueue")));
    env.put("VPC_ID", TestStacks.VPC);
    if (!function.equals("Reconcile")) {
      env.put("TARGET_HEALTH_QUEUE_URL", Map.of("Ref", statusQueueId("HealthQueue")));
    }
    return env;
  }

  @Test
  void theTargetsFunctionAloneSendsAndConsumesItsDelayedHealthChecks() {
    Map<String, Map<String, Object>> mappings = t.findResources("AWS::Lambda::EventSourceMapping");
    assertThat(
            mappings.values().stream()
                .map(m -> properties(m))
                .filter(p -> p.get("EventSourceArn").toString().contains("HealthQueue"))
                .map(p -> p.get("FunctionName").toString())
                .toList())
        .singleElement()
        .asString()
        .contains("TargetsAlias")
        .contains(":live");
  }

  @Test
  void triggersInvokeTheLiveAliasOfAPublishedVersion() {
    t.resourcePropertiesCountIs(
        "AWS::Lambda::Alias", Map.of("Name", "live", "FunctionVersion", Match.anyValue()), 3);
    Map<String, Map<String, Object>> mappings = t.findResources("AWS::Lambda::EventSourceMapping");
    assertThat(mappings).hasSize(3);
    for (String route : List.of("Reconcile", "Targets")) {
      Map<String, Object> mapping =
          mappings.entrySet().stream()
              .filter(e -> e.getKey().startsWith(route + "Alias"))
              .filter(
                  e ->
                      properties(e.getValue()).get("EventSourceArn").toString().contains("Ingress"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElseThrow();
      Map<String, Object> props = properties(mapping);
      assertThat(props.get("FunctionName").toString())
          .contains("Ref=" + route + "Alias")
          .contains(":live");
      assertThat(props.get("EventSourceArn").toString())
          .contains("Ingress" + route.toUpperCase() + "Queue");
      assertThat(props)
          .containsEntry("BatchSize", 10)
          .containsEntry("MaximumBatchingWindowInSeconds", 2)
          .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
          .containsEntry("ScalingConfig", Map.of("MaximumConcurrency", 10));
    }
  }

  @Test
  void driftRunsOnItsScheduleThroughItsAlias() {
    t.hasResourceProperties(
        "AWS::Events::Rule",
        Map.of(
            "ScheduleExpression", "rate(15 minutes)",
            "State", "ENABLED",
            "Targets",
                List.of(
                    Match.objectLike(
                        Map.of(
                            "Arn", Map.of("Ref", Match.stringLikeRegexp("DriftAlias.*")),
                            "RetryPolicy", Map.of("MaximumRetryAttempts", 2))))));
    t.hasResourceProperties(
        "AWS::Lambda::Permission",
        Map.of(
            "Action", "lambda:InvokeFunction",
            "Principal", "events.amazonaws.com",
            "FunctionName", Map.of("Ref", Match.stringLikeRegexp("DriftAlias.*"))));
  }

  @Test
  void theStateTableIsDeclaredAsStateTableCreatesItAndOutlivesTheStack() {
    t.hasResource(
        "AWS::DynamoDB::Table",
        Map.of(
            "DeletionPolicy", "Retain",
            "UpdateReplacePolicy", "Retain",
            "Properties",
                Map.of(
                    "BillingMode", "PAY_PER_REQUEST",
                    "KeySchema",
                        List.of(
                            Map.of("AttributeName", "pk", "KeyType", "HASH"),
                            Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                    "AttributeDefinitions",
                        Match.arrayWith(
                            List.of(
                                Map.of("AttributeName", "pk", "AttributeType", "S"),
                                Map.of("AttributeName", "sk", "AttributeType", "S"),
                                Map.of("AttributeName", "lsi1sk", "AttributeType", "S"))),
                    "LocalSecondaryIndexes",
                        List.of(
                            Map.of(
                                "IndexName", "lsi1",
                                "KeySchema",
                                    List.of(
                                        Map.of("AttributeName", "pk", "KeyType", "HASH"),
                                        Map.of("AttributeName", "lsi1sk", "KeyType", "RANGE")),
                                "Projection", Map.of("ProjectionType", "ALL"))),
                    "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                    "TimeToLiveSpecification",
                        Map.of("AttributeName", "expiresAt", "Enabled", true))));
  }

  @Test
  void everyFunctionLogsToItsOwnLogGroupWithTheRetention() {
    t.resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30), 3);
  }

  @Test
  void alarmsFireOnTheFirstHeldDeletionRefusedInventoryOrRejectedVersion() {
    List<String> bounds =
        t.findResources("AWS::CloudWatch::Alarm").values().stream()
            .map(LbrStackTest::properties)
            .filter(p -> String.valueOf(p.get("Metrics")).contains("Namespace=lbr/reconcile"))
            .map(p -> p.get("Metrics").toString())
            .toList();
    assertThat(bounds).hasSize(2);
    assertThat(bounds)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("MetricName=DeletionsHeld", "MetricName=InventoriesRefused")
                    .contains("Name=Cluster"));
    assertThat(bounds).anySatisfy(m -> assertThat(m).contains("MetricName=VersionsRejected"));
    t.resourcePropertiesCountIs(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "Threshold",
            1,
            "ComparisonOperator",
            "GreaterThanOrEqualToThreshold",
            "AlarmDescription",
            Match.stringLikeRegexp(".*(held load balancer deletions|rejected).*")),
        2);
  }

  @Test
  void alarmsFireOnAnyDeadLetterAndOnAFunctionsErrorRate() {
    Map<String, Map<String, Object>> alarms = t.findResources("AWS::CloudWatch::Alarm");
    for (String route : List.of("RECONCILE", "TARGETS")) {
      String dlq = queueId(route + "Dlq");
      List<Map<String, Object>> onDlq =
          alarms.values().stream()
              .map(LbrStackTest::properties)
              .filter(p -> String.valueOf(p.get("Metrics")).contains(dlq))
              .toList();
      assertThat(onDlq).hasSize(1);
      assertThat(onDlq.get(0).get("Metrics").toString())
          .contains("MetricName=ApproximateNumberOfMessagesVisible", "Namespace=AWS/SQS");
      assertThat(onDlq.get(0))
          .containsEntry("Threshold", 1)
          .containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold");
    }
    t.resourcePropertiesCountIs(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "Threshold",
            5,
            "ComparisonOperator",
            "GreaterThanThreshold",
            "Metrics",
            Match.arrayWith(
                List.of(
                    Match.objectLike(
                        Map.of(
                            "Expression", "IF(invocations > 0, 100 * errors / invocations, 0)"))))),
        3);
  }

  @Test
  void theDashboardShowsReconcilesErrorsLatencyThrottlesDlqDepthAndEvents() {
    String body =
        t.findResources("AWS::CloudWatch::Dashboard").values().iterator().next().toString();
    assertThat(body)
        .contains(
            "Reconciles (invocations)",
            "Errors",
            "Latency (duration)",
            "Throttles",
            "Dead-letter queue depth",
            "Events in (matched per detail-type)",
            "Queue messages in / out",
            "MatchedEvents",
            "NumberOfMessagesDeleted");
  }

  @Test
  void outputsNameTheBusTheForwarderRoleAndARenderedManifest() {
    t.hasOutput("EventBusName", Map.of("Value", Map.of("Ref", logicalId("AWS::Events::EventBus"))));
    t.hasOutput(
        "ForwarderRoleArn", Map.of("Value", Map.of("Fn::GetAtt", List.of(forwarderRole(), "Arn"))));
    t.hasOutput(
        "EventBusArn",
        Map.of("Value", Map.of("Fn::GetAtt", List.of(logicalId("AWS::Events::EventBus"), "Arn"))));
    t.hasOutput(
        "StateTableName", Map.of("Value", Map.of("Ref", logicalId("AWS::DynamoDB::Table"))));
    t.hasOutput("StatusQueueUrl", Map.of("Value", Map.of("Ref", statusQueueId("StatusQueue"))));
    String manifest = t.findOutputs("ForwarderManifest").toString();
    assertThat(manifest)
        .contains("kind: ServiceAccount", "kind: Deployment", "name: lbr-forwarder")
        .contains("- name: CLUSTER_NAME\n              value: demo")
        .contains("- name: EVENT_BUS_NAME\n              value: ")
        .contains("- name: STATUS_QUEUE_URL\n              value: ")
        .contains("Ref=" + statusQueueId("StatusQueue"))
        .contains("AWS::Region")
        .doesNotContain(
            "REPLACE_WITH_CLUSTER_NAME",
            "REPLACE_WITH_EVENT_BUS_NAME",
            "REPLACE_WITH_AWS_REGION",
            "REPLACE_WITH_STATUS_QUEUE_URL",
            "REPLACE_WITH_FORWARDER_ROLE_ARN",
            // Pod Identity: the stack creates the association, the account has no annotation
            "eks.amazonaws.com/role-arn");
  }

  @Test
  void podIdentityAssociatesTheForwarderServiceAccountWithItsRole() {
    t.hasResourceProperties(
        "AWS::EKS::PodIdentityAssociation",
        Map.of(
            "ClusterName",
            TestStacks.CLUSTER,
            "Namespace",
            "lbr-system",
            "ServiceAccount",
            "lbr-forwarder",
            "RoleArn",
            Map.of("Fn::GetAtt", List.of(forwarderRole(), "Arn"))));
  }

  private String logicalId(String type) {
    Map<String, Map<String, Object>> found = t.findResources(type);
    assertThat(found).as(type).hasSize(1);
    return found.keySet().iterator().next();
  }

  private String forwarderRole() {
    return t.findResources("AWS::IAM::Role").keySet().stream()
        .filter(id -> id.startsWith("ForwarderRole"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theStatusQueueRedrivesToItsDeadLetterQueueAndIsEncryptedAndTlsOnly() {
    t.hasResourceProperties(
        "AWS::SQS::Queue",
        Map.of(
            "VisibilityTimeout",
            60,
            "MessageRetentionPeriod",
            345600,
            "SqsManagedSseEnabled",
            true,
            "RedrivePolicy",
            Map.of(
                "deadLetterTargetArn",
                Map.of("Fn::GetAtt", List.of(statusQueueId("StatusDlq"), "Arn")),
                "maxReceiveCount",
                5)));
    for (String queue : List.of("StatusQueue", "StatusDlq")) {
      t.hasResourceProperties(
          "AWS::SQS::QueuePolicy",
          Map.of(
              "Queues",
              List.of(Map.of("Ref", statusQueueId(queue))),
              "PolicyDocument",
              Map.of(
                  "Statement",
                  Match.arrayWith(
                      List.of(
                          Match.objectLike(
                              Map.of(
                                  "Effect",
                                  "Deny",
                                  "Condition",
                                  Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }
  }

  @Test
  void onlyTheirRulesSendToTheRouteQueuesAndOnlyTheFunctionsToTheStatusQueue() {
    List<Map<String, Object>> denies = new java.util.ArrayList<>();
    t.findResources("AWS::SQS::QueuePolicy")
        .values()
        .forEach(
            policy -> {
              Map<?, ?> doc = (Map<?, ?>) properties(policy).get("PolicyDocument");
              for (Object st : (List<?>) doc.get("Statement")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> statement = (Map<String, Object>) st;
                if ("sqs:SendMessage".equals(statement.get("Action"))
                    && "Deny".equals(statement.get("Effect"))) {
                  denies.add(statement);
                }
              }
            });
    assertThat(denies)
        .extracting(d -> d.get("Sid"))
        .containsExactlyInAnyOrder(
            "OnlyItsRulesSend",
            "OnlyItsRulesSend",
            "OnlyTheFunctionsSend",
            "OnlyTheTargetsAndDriftFunctionsSend");
    for (Map<String, Object> deny : denies) {
      assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
      Map<?, ?> condition = (Map<?, ?>) ((Map<?, ?>) deny.get("Condition")).get("ArnNotEquals");
      if (deny.get("Sid").equals("OnlyTheTargetsAndDriftFunctionsSend")) {
        assertThat((List<?>) condition.get("aws:PrincipalArn"))
            .hasSize(2)
            .anySatisfy(r -> assertThat(r.toString()).contains("TargetsRole"))
            .anySatisfy(r -> assertThat(r.toString()).contains("DriftRole"));
      } else if (deny.get("Sid").equals("OnlyTheFunctionsSend")) {
        // the reconcile, targets and drift roles, and no one else
        assertThat((List<?>) condition.get("aws:PrincipalArn")).hasSize(3);
      } else {
        Object rules = condition.get("aws:SourceArn");
        int expected =
            rules.toString().contains("EndpointSlice")
                ? EventContract.targetDetailTypes().size()
                : EventContract.reconcileDetailTypes().size();
        assertThat(rules instanceof List<?> l ? l.size() : 1).isEqualTo(expected);
      }
    }
  }

  @Test
  void onlyTheFunctionsRolesAndNamedOperatorsMayWriteTheStateTable() {
    Map<String, Object> table = t.findResources("AWS::DynamoDB::Table").values().iterator().next();
    Map<?, ?> doc =
        (Map<?, ?>) ((Map<?, ?>) properties(table).get("ResourcePolicy")).get("PolicyDocument");
    Map<?, ?> deny = (Map<?, ?>) ((List<?>) doc.get("Statement")).get(0);
    assertThat(deny.get("Sid")).isEqualTo("OnlyLbrWritesState");
    assertThat(deny.get("Effect")).isEqualTo("Deny");
    assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
    @SuppressWarnings("unchecked")
    List<String> actions = (List<String>) deny.get("Action");
    assertThat(actions)
        .contains("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem")
        .contains("dynamodb:BatchWriteItem", "dynamodb:PartiQLUpdate")
        .noneMatch(a -> a.contains("Get") || a.contains("Query"));
    List<?> writers =
        (List<?>)
            ((Map<?, ?>) ((Map<?, ?>) deny.get("Condition")).get("ArnNotEquals"))
                .get("aws:PrincipalArn");
    // the reconcile, targets and drift roles
    assertThat(writers).hasSize(3).allMatch(w -> w.toString().contains("Role"));

    Template withOperator =
        Template.fromStack(
            TestStacks.stack(
                Map.of(
                    "clusterName",
                    "prod",
                    "stateWriters",
                    "arn:aws:iam::123456789012:role/platform-oncall")));
    assertThat(withOperator.findResources("AWS::DynamoDB::Table").toString())
        .contains("arn:aws:iam::123456789012:role/platform-oncall");
  }

  @Test
  void alarmsFireOnAStatusDeadLetterAndOnAStatusMessageLeftWaiting() {
    List<Map<String, Object>> onStatus =
        t.findResources("AWS::CloudWatch::Alarm").values().stream()
            .map(LbrStackTest::properties)
            .filter(
                p ->
                    p.toString().contains(statusQueueId("StatusQueue"))
                        || p.toString().contains(statusQueueId("StatusDlq")))
            .toList();
    assertThat(onStatus).hasSize(2);
    assertThat(onStatus.toString())
        .contains("ApproximateNumberOfMessagesVisible", statusQueueId("StatusDlq"));
    t.hasResourceProperties(
        "AWS::CloudWatch::Alarm",
        Map.of(
            "MetricName", "ApproximateAgeOfOldestMessage",
            "Namespace", "AWS/SQS",
            "Statistic", "Maximum",
            "Threshold", 900,
            "ComparisonOperator", "GreaterThanThreshold",
            "Dimensions",
                List.of(
                    Map.of(
                        "Name",
                        "QueueName",
                        "Value",
                        Map.of(
                            "Fn::GetAtt", List.of(statusQueueId("StatusQueue"), "QueueName"))))));
  }

  private String statusQueueId(String prefix) {
    return t.findResources("AWS::SQS::Queue").keySet().stream()
        .filter(id -> id.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no queue " + prefix));
  }

  private String queueId(String prefix) {
    return t.findResources("AWS::SQS::Queue").keySet().stream()
        .filter(id -> id.startsWith("Ingress" + prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no queue Ingress" + prefix));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Map<String, Object> fn) {
    Map<String, Object> props = (Map<String, Object>) fn.get("Properties");
    return (Map<String, Object>) ((Map<String, Object>) props.get("Environment")).get("Variables");
  }

  @Test
  void theDriftFunctionRunsAsLongAsItsScheduleAllowsWithinLambdasLimit() {
    assertThat(LbrStack.driftTimeout(15).toMinutes()).isEqualTo(14);
    assertThat(LbrStack.driftTimeout(60).toMinutes()).as("Lambda's limit").isEqualTo(14);
    assertThat(LbrStack.driftTimeout(5).toMinutes()).isEqualTo(4);
    assertThat(LbrStack.driftTimeout(1).toMinutes()).as("longer than the 90 s margin").isEqualTo(3);
  }
}
