package dev.lbr.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests find the repository's files: the root (system property {@code lbr.repo.root}, set by
 * surefire, else found by walking up from the working directory), its {@code events/}, and the
 * acceptance scenarios (system property {@code lbr.scenarios}, else {@code scenarios/}). A missing
 * directory fails the test.
 */
public final class RepoPaths {

  private RepoPaths() {}

  public static Path root() {
    String property = System.getProperty("lbr.repo.root");
    if (property != null && !property.isBlank() && isRoot(Path.of(property))) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (isRoot(dir)) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find the repository root (a directory with mvnw and core/pom.xml) from "
            + Path.of("").toAbsolutePath()
            + "; set -Dlbr.repo.root");
  }

  /** The {@code events/} samples directory. */
  public static Path events() {
    return existing(root().resolve("events"), "events/");
  }

  /**
   * The acceptance scenarios directory (one folder per scenario; {@code -Dlbr.scenarios}
   * overrides).
   */
  public static Path scenarios() {
    String property = System.getProperty("lbr.scenarios");
    if (property != null && !property.isBlank()) {
      return existing(Path.of(property), "-Dlbr.scenarios");
    }
    return existing(root().resolve("scenarios"), "scenarios/");
  }

  private static boolean isRoot(Path dir) {
    return Files.isRegularFile(dir.resolve("mvnw"))
        && Files.isRegularFile(dir.resolve("core").resolve("pom.xml"));
  }

  private static Path existing(Path dir, String what) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(what + " is not a directory: " + dir);
    }
    return dir;
  }
}
