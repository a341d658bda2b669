package dev.lbr.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Java function as it is deployed: its own role (only the given statements, plus writing its
 * own log group), a log group with a retention, SnapStart on published versions, and an alias
 * {@code live} that every trigger invokes, so each deploy's snapshot is what runs.
 */
final class ReconcilerFunction extends Construct {

  /** The alias the triggers invoke. */
  static final String ALIAS = "live";

  /**
   * @param name short name ("reconcile", "targets", "drift")
   * @param handler {@code class::method}
   * @param code the deployable jar
   * @param memoryMb memory size
   * @param timeout function timeout
   * @param reservedConcurrency reserved concurrency: this function's share of the ELB API budget
   * @param environment environment variables
   * @param logRetention log group retention
   * @param permissions what the role may do besides logging
   */
  record Props(
      String name,
      String handler,
      Code code,
      int memoryMb,
      Duration timeout,
      int reservedConcurrency,
      Map<String, String> environment,
      RetentionDays logRetention,
      List<PolicyStatement> permissions) {}

  private final Function function;
  private final Alias alias;
  private final Role role;

  ReconcilerFunction(Construct scope, String id, Props props) {
    super(scope, id);
    role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("lbr " + props.name() + " function")
            .build();
    props.permissions().forEach(role::addToPolicy);
    LogGroup logs =
        LogGroup.Builder.create(this, "Logs")
            .retention(props.logRetention())
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
    logs.grantWrite(role);
    function =
        Function.Builder.create(this, "Function")
            .description("lbr " + props.name())
            .runtime(Runtime.JAVA_21)
            .architecture(Architecture.ARM_64)
            .handler(props.handler())
            .code(props.code())
            .memorySize(props.memoryMb())
            .timeout(props.timeout())
            .reservedConcurrentExecutions(props.reservedConcurrency())
            .environment(props.environment())
            .role(role)
            .logGroup(logs)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .build();
    // The warning asks for a published version: the alias below publishes one on every change.
    Annotations.of(function)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "published through currentVersion, invoked through the alias");
    alias =
        Alias.Builder.create(this, "Alias")
            .aliasName(ALIAS)
            .version(function.getCurrentVersion())
            .build();
  }

  Function function() {
    return function;
  }

  Alias alias() {
    return alias;
  }

  Role role() {
    return role;
  }
}
