package dev.lbr.infra;

import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code cdk synth -c clusterName=NAME} from the repo root (see docs/deploy.md). Only
 * creates the App and the stack; everything else is in {@link LbrStack}.
 */
public final class LbrApp {
  private LbrApp() {}

  public static void main(String[] args) {
    App app = new App();
    Settings settings;
    try {
      settings = Settings.from(app.getNode()::tryGetContext);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path root = Path.of("").toAbsolutePath();
    new LbrStack(
        app,
        "lbr-" + settings.clusterName(),
        StackProps.builder()
            .description(
                "lbr: serverless AWS Load Balancer Controller for EKS cluster "
                    + settings.clusterName())
            .env(
                Environment.builder()
                    .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                    .region(System.getenv("CDK_DEFAULT_REGION"))
                    .build())
            .build(),
        new LbrStack.Props(
            settings, root.resolve(FunctionCode.JAR), root.resolve("forwarder/deploy")));
    app.synth();
  }
}
