package dev.lbr.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** Every IAM statement of the stack, including what must NOT be allowed. */
class PermissionsTest {
  private static final String TAG = "elbv2.k8s.aws/cluster";
  private final Template t = TestStacks.podIdentity();

  @Test
  void theForwarderMayOnlyPutEventsOnThisBusAndConsumeItsStatusQueue() {
    List<Map<String, Object>> statements = statementsOf(role("ForwarderRole"));
    assertThat(statements)
        .containsExactly(
            Map.of(
                "Effect",
                "Allow",
                "Action",
                "events:PutEvents",
                "Resource",
                Map.of("Fn::GetAtt", List.of(busId(), "Arn"))),
            Map.of(
                "Effect",
                "Allow",
                "Action",
                List.of(
                    "sqs:ReceiveMessage",
                    "sqs:DeleteMessage",
                    "sqs:ChangeMessageVisibility",
                    "sqs:GetQueueAttributes"),
                "Resource",
                Map.of("Fn::GetAtt", List.of(queue("StatusQueue"), "Arn"))));
    assertThat(roleProperties(role("ForwarderRole")))
        .doesNotContainKeys("ManagedPolicyArns", "Policies");
  }

  @Test
  void onlyTheForwarderServiceAccountOfThisClusterCanAssumeTheForwarderRoleWithPodIdentity() {
    Object trust = roleProperties(role("ForwarderRole")).get("AssumeRolePolicyDocument");
    assertThat(trust)
        .isEqualTo(
            Map.of(
                "Version",
                "2012-10-17",
                "Statement",
                List.of(
                    Map.of(
                        "Effect",
                        "Allow",
                        "Principal",
                        Map.of("Service", "pods.eks.amazonaws.com"),
                        "Action",
                        List.of("sts:AssumeRole", "sts:TagSession"),
                        "Condition",
                        Map.of(
                            "StringEquals",
                            Map.of(
                                "aws:RequestTag/eks-cluster-name", "demo",
                                "aws:RequestTag/kubernetes-namespace", "lbr-system",
                                "aws:RequestTag/kubernetes-service-account", "lbr-forwarder"))))));
  }

  @Test
  void withIrsaOnlyTheForwarderServiceAccountTokenOfThisProviderCanAssumeTheRole() {
    String provider =
        "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
    Template irsa =
        Template.fromStack(
            TestStacks.stack(Map.of("clusterName", "prod", "oidcProviderArn", provider)));
    String issuer = "oidc.eks.eu-west-1.amazonaws.com/id/ABC";
    irsa.hasResourceProperties(
        "AWS::IAM::Role",
        Map.of(
            "AssumeRolePolicyDocument",
            Map.of(
                "Version",
                "2012-10-17",
                "Statement",
                List.of(
                    Map.of(
                        "Effect",
                        "Allow",
                        "Principal",
                        Map.of("Federated", provider),
                        "Action",
                        "sts:AssumeRoleWithWebIdentity",
                        "Condition",
                        Map.of(
                            "StringEquals",
                            Map.of(
                                issuer + ":sub", "system:serviceaccount:lbr-system:lbr-forwarder",
                                issuer + ":aud", "sts.amazonaws.com")))))));
    irsa.resourceCountIs("AWS::EKS::PodIdentityAssociation", 0);
    assertThat(irsa.findOutputs("ForwarderManifest").toString())
        .contains("eks.amazonaws.com/role-arn: ");
  }

  @Test
  void eachFunctionHasItsOwnRoleWithExactlyTheControllerStatementsTheTableAndItsLogs() {
    for (String fn : List.of("Reconcile", "Targets", "Drift")) {
      String role = role(fn + "Role");
      assertThat(roleProperties(role).get("AssumeRolePolicyDocument").toString())
          .contains("lambda.amazonaws.com");
      assertThat(roleProperties(role)).doesNotContainKey("ManagedPolicyArns");
      List<Map<String, Object>> statements = statementsOf(role);
      assertThat(statements.stream().map(s -> String.valueOf(s.get("Sid"))).limit(16).toList())
          .containsExactly(
              "ElbRead",
              "Ec2Read",
              "AcmRead",
              "ElbServiceLinkedRole",
              "ElbCreateTagged",
              "ElbTagOnCreate",
              "ElbWriteOwned",
              "ElbRetagOwned",
              "Ec2CreateSecurityGroupInVpc",
              "Ec2CreateSecurityGroupTagged",
              "Ec2TagOnCreate",
              "Ec2WriteOwned",
              "Ec2NodeGroupRules",
              "EksDescribeCluster",
              "Ec2RetagOwned",
              "ElbBindUserTargetGroups");
      List<Map<String, Object>> granted = statements.subList(16, statements.size());
      // its own log group; the state table's item calls; the queue-driven ones consume their
      // queue; the targets function sends itself delayed health checks and consumes them, and
      // the drift function may send them (restarting lost chains); all send stack results to
      // the status queue
      assertThat(granted).hasSize(fn.equals("Targets") ? 6 : 4);
      Map<String, Object> sendHealthChecks =
          Map.of(
              "Effect",
              "Allow",
              "Action",
              "sqs:SendMessage",
              "Resource",
              Map.of("Fn::GetAtt", List.of(queue("HealthQueue"), "Arn")));
      if (fn.equals("Drift")) {
        assertThat(granted.get(2)).isEqualTo(sendHealthChecks);
      }
      if (fn.equals("Targets")) {
        assertThat(granted.get(3)).isEqualTo(sendHealthChecks);
        assertThat(actions(granted.get(4))).contains("sqs:ReceiveMessage", "sqs:DeleteMessage");
        assertThat(granted.get(4).get("Resource").toString()).contains("HealthQueue");
      }
      assertThat(actions(granted.get(0)))
          .containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
      assertThat(granted.get(0).get("Resource").toString()).contains(fn + "Logs");
      assertThat(actions(granted.get(1)))
          .containsExactlyInAnyOrder(
              "dynamodb:GetItem",
              "dynamodb:PutItem",
              "dynamodb:UpdateItem",
              "dynamodb:DeleteItem",
              "dynamodb:Query");
      assertThat(granted.get(1).get("Resource").toString()).contains("StateTable");
      if (!fn.equals("Drift")) {
        assertThat(actions(granted.get(2))).allMatch(a -> a.startsWith("sqs:"));
        assertThat(granted.get(2).get("Resource").toString())
            .contains("Ingress" + fn.toUpperCase() + "Queue");
      }
      assertThat(granted.get(granted.size() - 1))
          .isEqualTo(
              Map.of(
                  "Effect",
                  "Allow",
                  "Action",
                  "sqs:SendMessage",
                  "Resource",
                  Map.of("Fn::GetAtt", List.of(queue("StatusQueue"), "Arn"))));
    }
  }

  @Test
  void onlyTheForwarderReceivesFromTheStatusQueueAndOnlyTheFunctionsSendToIt() {
    List<String> receivers = new ArrayList<>();
    List<String> senders = new ArrayList<>();
    for (Map<String, Object> policy : t.findResources("AWS::IAM::Policy").values()) {
      String roles = String.valueOf(((Map<?, ?>) policy.get("Properties")).get("Roles"));
      for (Map<String, Object> s : statements(policy)) {
        if (String.valueOf(s.get("Resource")).contains(queue("StatusQueue"))) {
          if (actions(s).contains("sqs:ReceiveMessage")) {
            receivers.add(roles);
          }
          if (actions(s).contains("sqs:SendMessage")) {
            senders.add(roles);
          }
        }
      }
    }
    assertThat(receivers).singleElement().asString().contains("ForwarderRole");
    assertThat(senders)
        .hasSize(3)
        .noneMatch(r -> r.contains("Forwarder"))
        .anyMatch(r -> r.contains("ReconcileRole"))
        .anyMatch(r -> r.contains("TargetsRole"))
        .anyMatch(r -> r.contains("DriftRole"));
  }

  @Test
  void theControllerStatementsAreExactlyThese() {
    Map<String, Map<String, Object>> bySid =
        statementsOf(role("ReconcileRole")).stream()
            .filter(s -> s.containsKey("Sid"))
            .collect(
                Collectors.toMap(s -> (String) s.get("Sid"), s -> s, (a, b) -> a, TreeMap::new));
    assertThat(actions(bySid.get("ElbRead")))
        .allMatch(a -> a.startsWith("elasticloadbalancing:Describe"));
    assertThat(actions(bySid.get("Ec2Read")))
        .containsExactlyInAnyOrder(
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeSubnets",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeInstances");
    // rules on the targets' groups: only on groups tagged for this cluster, never untagged ones
    assertThat(actions(bySid.get("Ec2NodeGroupRules")))
        .containsExactlyInAnyOrder(
            "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress");
    assertThat(bySid.get("Ec2NodeGroupRules").get("Condition"))
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of("aws:ResourceTag/kubernetes.io/cluster/demo", List.of("owned", "shared"))));
    assertThat(actions(bySid.get("EksDescribeCluster"))).containsExactly("eks:DescribeCluster");
    assertThat(bySid.get("EksDescribeCluster").get("Resource").toString())
        .contains(":cluster/demo");
    assertThat(actions(bySid.get("AcmRead"))).containsExactly("acm:DescribeCertificate");
    assertThat(bySid.get("ElbServiceLinkedRole").get("Condition"))
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of("iam:AWSServiceName", "elasticloadbalancing.amazonaws.com")));
    assertThat(bySid.get("ElbServiceLinkedRole").get("Resource").toString())
        .contains(
            ":role/aws-service-role/elasticloadbalancing.amazonaws.com/"
                + "AWSServiceRoleForElasticLoadBalancing")
        .doesNotContain("*");
    assertThat(bySid.get("ElbCreateTagged").get("Condition"))
        .isEqualTo(Map.of("StringEquals", Map.of("aws:RequestTag/" + TAG, "demo")));
    // creates are scoped to this account and region, like every other write
    assertThat((List<?>) bySid.get("ElbCreateTagged").get("Resource"))
        .hasSize(4)
        .allSatisfy(
            r ->
                assertThat(r.toString())
                    .contains("AWS::Region", "AWS::AccountId", ":elasticloadbalancing:"));
    assertThat(actions(bySid.get("ElbCreateTagged")))
        .containsExactlyInAnyOrder(
            "elasticloadbalancing:CreateLoadBalancer",
            "elasticloadbalancing:CreateTargetGroup",
            "elasticloadbalancing:CreateListener",
            "elasticloadbalancing:CreateRule");
    assertThat(bySid.get("ElbTagOnCreate").get("Condition"))
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of(
                    "aws:RequestTag/" + TAG,
                    "demo",
                    "elasticloadbalancing:CreateAction",
                    List.of(
                        "CreateLoadBalancer",
                        "CreateTargetGroup",
                        "CreateListener",
                        "CreateRule"))));
    assertThat(bySid.get("ElbWriteOwned").get("Condition"))
        .isEqualTo(Map.of("StringEquals", Map.of("aws:ResourceTag/" + TAG, "demo")));
    assertThat(actions(bySid.get("ElbWriteOwned")))
        .contains(
            "elasticloadbalancing:DeleteLoadBalancer",
            "elasticloadbalancing:RegisterTargets",
            "elasticloadbalancing:DeregisterTargets",
            "elasticloadbalancing:ModifyListener",
            "elasticloadbalancing:SetRulePriorities")
        .hasSize(17);
    Map<String, Object> keepsTheOwnershipTag =
        Map.of(
            "StringEquals", Map.of("aws:ResourceTag/" + TAG, "demo"),
            "ForAllValues:StringNotEquals", Map.of("aws:TagKeys", List.of(TAG)));
    assertThat(bySid.get("ElbRetagOwned").get("Condition")).isEqualTo(keepsTheOwnershipTag);
    assertThat(bySid.get("Ec2RetagOwned").get("Condition")).isEqualTo(keepsTheOwnershipTag);
    assertThat(actions(bySid.get("Ec2RetagOwned")))
        .containsExactlyInAnyOrder("ec2:CreateTags", "ec2:DeleteTags");
    assertThat(bySid.get("Ec2CreateSecurityGroupTagged").get("Condition"))
        .isEqualTo(Map.of("StringEquals", Map.of("aws:RequestTag/" + TAG, "demo")));
    assertThat(bySid.get("Ec2TagOnCreate").get("Condition"))
        .isEqualTo(
            Map.of(
                "StringEquals",
                Map.of(
                    "aws:RequestTag/" + TAG, "demo", "ec2:CreateAction", "CreateSecurityGroup")));
    assertThat(bySid.get("Ec2WriteOwned").get("Condition"))
        .isEqualTo(Map.of("StringEquals", Map.of("aws:ResourceTag/" + TAG, "demo")));
    assertThat(actions(bySid.get("Ec2WriteOwned")))
        .containsExactlyInAnyOrder(
            "ec2:AuthorizeSecurityGroupIngress",
            "ec2:RevokeSecurityGroupIngress",
            "ec2:DeleteSecurityGroup");
    // CreateSecurityGroup is authorized on the VPC and on the new group; the group side needs
    // the tag, so the VPC side alone creates nothing.
    assertThat(actions(bySid.get("Ec2CreateSecurityGroupInVpc")))
        .containsExactly("ec2:CreateSecurityGroup");
    assertThat(bySid.get("Ec2CreateSecurityGroupInVpc").get("Resource").toString())
        .contains(":vpc/" + TestStacks.VPC)
        .doesNotContain(":vpc/*");
  }

  @Test
  void usersTargetGroupsOnlyTakeTargetsAndOnlyWhenNoClusterOwnsThem() {
    Map<String, Object> bind =
        statementsOf(role("ReconcileRole")).stream()
            .filter(s -> "ElbBindUserTargetGroups".equals(s.get("Sid")))
            .findFirst()
            .orElseThrow();
    assertThat(actions(bind))
        .containsExactly(
            "elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets");
    // no elbv2.k8s.aws/cluster tag at all: never another cluster's (or LBC's) target group
    assertThat(bind.get("Condition"))
        .isEqualTo(Map.of("Null", Map.of("aws:ResourceTag/" + TAG, "true")));
    assertThat(bind.get("Resource").toString())
        .contains(":elasticloadbalancing:", "AWS::Region", "AWS::AccountId", ":targetgroup/*/*")
        .doesNotContain("loadbalancer/", "listener");
  }

  @Test
  void bindableTargetGroupsNarrowTheBindStatementByNameOrDropIt() {
    Template narrowed =
        Template.fromStack(
            TestStacks.stack(Map.of("clusterName", "demo", "bindableTargetGroups", "tf-*,web")));
    String resources =
        bindStatements(narrowed).stream()
            .map(s -> s.get("Resource").toString())
            .toList()
            .toString();
    assertThat(resources)
        .contains(":targetgroup/tf-*/*", ":targetgroup/web/*")
        .doesNotContain(":targetgroup/*/*");
    Template none =
        Template.fromStack(
            TestStacks.stack(Map.of("clusterName", "demo", "bindableTargetGroups", "none")));
    assertThat(bindStatements(none)).isEmpty();
  }

  private static List<Map<String, Object>> bindStatements(Template template) {
    List<Map<String, Object>> found = new ArrayList<>();
    for (Map<String, Object> policy : template.findResources("AWS::IAM::Policy").values()) {
      statements(policy).stream()
          .filter(s -> "ElbBindUserTargetGroups".equals(s.get("Sid")))
          .forEach(found::add);
    }
    return found;
  }

  @Test
  void noStatementAnywhereAllowsAnElbOrEc2WriteWithoutThisClustersTag() {
    List<String> offenders = new ArrayList<>();
    for (Map<String, Object> policy : t.findResources("AWS::IAM::Policy").values()) {
      for (Map<String, Object> s : statements(policy)) {
        for (String action : actions(s)) {
          boolean write =
              (action.startsWith("elasticloadbalancing:") || action.startsWith("ec2:"))
                  && !action.contains(":Describe");
          if (!write || "Ec2CreateSecurityGroupInVpc".equals(s.get("Sid"))) {
            continue;
          }
          // the one exception, asserted in usersTargetGroupsOnlyTakeTargets...: target
          // (de)registration in target groups that no cluster owns, for users' bindings
          if ("ElbBindUserTargetGroups".equals(s.get("Sid"))
              && List.of(
                      "elasticloadbalancing:RegisterTargets",
                      "elasticloadbalancing:DeregisterTargets")
                  .contains(action)
              && String.valueOf(s.get("Condition"))
                  .equals("{Null={aws:ResourceTag/" + TAG + "=true}}")) {
            continue;
          }
          String condition = String.valueOf(s.get("Condition"));
          boolean tagged =
              condition.contains("aws:RequestTag/" + TAG + "=demo")
                  || condition.contains("aws:ResourceTag/" + TAG + "=demo")
                  || (s.get("Sid").equals("Ec2NodeGroupRules")
                      && condition.contains(
                          "aws:ResourceTag/kubernetes.io/cluster/demo=[owned, shared]"));
          if (!tagged) {
            offenders.add(s.get("Sid") + ": " + action);
          }
        }
        assertThat(actions(s)).noneMatch(a -> a.endsWith(":*") || a.equals("*"));
      }
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void nothingButTheControllerRolesTouchesElbOrEc2() {
    List<String> rolesWithElb = new ArrayList<>();
    for (Map<String, Object> policy : t.findResources("AWS::IAM::Policy").values()) {
      boolean elb =
          statements(policy).stream()
              .flatMap(s -> actions(s).stream())
              .anyMatch(a -> a.startsWith("elasticloadbalancing:") || a.startsWith("ec2:"));
      if (elb) {
        rolesWithElb.add(String.valueOf(((Map<?, ?>) policy.get("Properties")).get("Roles")));
      }
    }
    assertThat(rolesWithElb).hasSize(3).noneMatch(r -> r.contains("Forwarder"));
  }

  // --- helpers over the template's JSON ---

  private String role(String prefix) {
    return t.findResources("AWS::IAM::Role").keySet().stream()
        .filter(id -> id.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no role " + prefix));
  }

  private String queue(String prefix) {
    return t.findResources("AWS::SQS::Queue").keySet().stream()
        .filter(id -> id.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no queue " + prefix));
  }

  private String busId() {
    return t.findResources("AWS::Events::EventBus").keySet().iterator().next();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> roleProperties(String roleId) {
    return (Map<String, Object>) t.findResources("AWS::IAM::Role").get(roleId).get("Properties");
  }

  /** The statements of every policy attached to the role, in order. */
  private List<Map<String, Object>> statementsOf(String roleId) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (Map<String, Object> policy : t.findResources("AWS::IAM::Policy").values()) {
      Object roles = ((Map<?, ?>) policy.get("Properties")).get("Roles");
      if (roles.toString().equals(List.of(Map.of("Ref", roleId)).toString())) {
        all.addAll(statements(policy));
      }
    }
    assertThat(all).as("statements of " + roleId).isNotEmpty();
    return all;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statements(Map<String, Object> policy) {
    Map<String, Object> props = (Map<String, Object>) policy.get("Properties");
    Map<String, Object> doc = (Map<String, Object>) props.get("PolicyDocument");
    return (List<Map<String, Object>>) doc.get("Statement");
  }

  private static List<String> actions(Map<String, Object> statement) {
    Object a = statement.get("Action");
    return a instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(a));
  }
}
