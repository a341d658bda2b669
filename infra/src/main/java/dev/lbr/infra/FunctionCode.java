package dev.lbr.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.services.lambda.Code;

/** The functions' deployable jar, built by Maven ({@code functions/target/lbr-functions.jar}). */
final class FunctionCode {

  /** Where the functions module's shade plugin writes the jar, relative to the repo root. */
  static final String JAR = "functions/target/lbr-functions.jar";

  /** The command that builds it, for the error message. */
  static final String BUILD_COMMAND =
      "./mvnw -o -q -B -ntp -DskipTests package -pl core,reconciler,functions";

  /**
   * Lambda refuses more than 250 MB unzipped; this budget keeps the jar well under it and makes a
   * dependency that sneaks in visible (measured: ~21 MiB zipped after ProGuard keeps only the SDK
   * operations the handlers call, 42 MiB before; docs/deploy.md, "Cold start").
   */
  static final long BUDGET_BYTES = 28L * 1024 * 1024;

  private FunctionCode() {}

  /** The asset, or a clear error naming the missing jar and how to build it. */
  static Code asset(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the functions jar "
              + jar
              + " does not exist: build it first with `"
              + BUILD_COMMAND
              + "` (bin/cdk does this for you)");
    }
    try {
      long size = Files.size(jar);
      if (size > BUDGET_BYTES) {
        throw new IllegalStateException(
            "the functions jar "
                + jar
                + " is "
                + size / (1024 * 1024)
                + " MB, over its budget of "
                + BUDGET_BYTES / (1024 * 1024)
                + " MB: look for a dependency that should not be in it (mvn dependency:tree -pl"
                + " functions)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Code.fromAsset(jar.toString());
  }
}
