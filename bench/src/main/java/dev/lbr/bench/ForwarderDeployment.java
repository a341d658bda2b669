package dev.lbr.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JVM flags the forwarder runs with in a cluster, so the benchmark measures what a cluster
 * runs: the memory limit of its Deployment ({@code forwarder/deploy/30-deployment.yaml}) as the JVM
 * sees it in a container ({@code -XX:MaxRAM}), the image entrypoint's flags ({@code <jvmFlag>} of
 * {@code forwarder/image/pom.xml}) and the container's {@code JAVA_TOOL_OPTIONS}, if it sets any.
 */
record ForwarderDeployment(String memoryLimit, List<String> jvmFlags) {
  private static final Pattern JVM_FLAG = Pattern.compile("<jvmFlag>([^<]+)</jvmFlag>");

  static ForwarderDeployment read(Path manifest) throws IOException {
    JsonNode container =
        new ObjectMapper(new YAMLFactory())
            .readTree(manifest.toFile())
            .path("spec")
            .path("template")
            .path("spec")
            .path("containers")
            .path(0);
    String limit = container.path("resources").path("limits").path("memory").asText();
    List<String> flags = new ArrayList<>(List.of("-XX:MaxRAM=" + maxRam(limit)));
    Path imagePom = manifest.toAbsolutePath().getParent().getParent().resolve("image/pom.xml");
    Matcher flag = JVM_FLAG.matcher(Files.readString(imagePom));
    while (flag.find()) {
      flags.add(flag.group(1));
    }
    for (JsonNode env : container.path("env")) {
      if (env.path("name").asText().equals("JAVA_TOOL_OPTIONS")) {
        flags.addAll(List.of(env.path("value").asText().trim().split("\\s+")));
      }
    }
    return new ForwarderDeployment(limit, List.copyOf(flags));
  }

  /** A Kubernetes quantity in Mi or Gi as a JVM size. */
  private static String maxRam(String quantity) {
    if (quantity.endsWith("Mi")) {
      return quantity.substring(0, quantity.length() - 2) + "m";
    }
    if (quantity.endsWith("Gi")) {
      return quantity.substring(0, quantity.length() - 2) + "g";
    }
    throw new IllegalArgumentException("a memory limit in Mi or Gi, not " + quantity);
  }
}
