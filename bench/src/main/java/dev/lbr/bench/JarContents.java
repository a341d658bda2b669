package dev.lbr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a jar weighs: its size, its entries, and its largest contents grouped by package (an SDK
 * service as a whole, {@code software/amazon/awssdk/services/ec2/model} apart from the rest of it).
 */
record JarContents(long bytes, int entries, long unzipped, List<Group> largest) {

  /** A package's share: compressed bytes (as in the jar) and entries. */
  record Group(String name, long compressed, int entries) {}

  static JarContents of(Path jar, int top) throws IOException {
    Map<String, long[]> groups = new LinkedHashMap<>();
    long unzipped = 0;
    int entries = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        entries++;
        unzipped += Math.max(0, e.getSize());
        long[] g = groups.computeIfAbsent(group(e.getName()), k -> new long[2]);
        g[0] += Math.max(0, e.getCompressedSize());
        g[1]++;
      }
    }
    List<Group> largest =
        groups.entrySet().stream()
            .map(e -> new Group(e.getKey(), e.getValue()[0], (int) e.getValue()[1]))
            .sorted(Comparator.comparingLong(Group::compressed).reversed())
            .limit(top)
            .toList();
    return new JarContents(Files.size(jar), entries, unzipped, largest);
  }

  /** An SDK service's model, or the rest of the service, or the first three path segments. */
  static String group(String entry) {
    String[] p = entry.split("/");
    if (p.length > 5 && entry.startsWith("software/amazon/awssdk/services/")) {
      return p[5].equals("model") ? String.join("/", List.of(p).subList(0, 6)) : sdk(p, 5);
    }
    if (entry.startsWith("software/amazon/awssdk/")) {
      return sdk(p, 4);
    }
    return p.length > 3 ? String.join("/", List.of(p).subList(0, 3)) + "/" : entry;
  }

  private static String sdk(String[] p, int depth) {
    return p.length > depth
        ? String.join("/", List.of(p).subList(0, depth)) + (depth == 5 ? " (rest)" : "/")
        : String.join("/", p);
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        "functions jar: %,d bytes zipped (%.1f MiB), %,d entries, %,d bytes unzipped\n\n"
            .formatted(bytes, bytes / 1048576.0, entries, unzipped));
    out.append("| largest contents | compressed KiB | entries |\n");
    out.append("|---|---:|---:|\n");
    largest.forEach(
        g ->
            out.append(
                "| %s | %,d | %,d |\n".formatted(g.name(), g.compressed() / 1024, g.entries())));
    return out.toString();
  }
}
