package dev.lbr.infra;

import dev.lbr.testing.RepoPaths;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes the stack as {@code cdk synth} would, from the repo's jar and manifests. */
final class TestStacks {
  /** The cluster of the {@code events/} samples. */
  static final String CLUSTER = "demo";

  /** The VPC every test stack is given unless its context names one. */
  static final String VPC = "vpc-0123456789abcdef0";

  private static Template podIdentity;

  private TestStacks() {}

  /** The default deployment (Pod Identity), synthesized once per JVM. */
  static synchronized Template podIdentity() {
    if (podIdentity == null) {
      podIdentity = Template.fromStack(stack(Map.of("clusterName", CLUSTER)));
    }
    return podIdentity;
  }

  static LbrStack stack(Map<String, String> context) {
    App app = new App();
    Map<String, Object> ctx = new HashMap<>(context);
    ctx.putIfAbsent("vpcId", VPC);
    ctx.forEach((k, v) -> app.getNode().setContext(k, v));
    Settings settings = Settings.from(app.getNode()::tryGetContext);
    return new LbrStack(
        app,
        "lbr-" + settings.clusterName(),
        StackProps.builder().build(),
        new LbrStack.Props(settings, functionsJar(), root().resolve("forwarder/deploy")));
  }

  static Path root() {
    return RepoPaths.root();
  }

  static Path functionsJar() {
    return root().resolve(FunctionCode.JAR);
  }
}
