import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Writes the running JDK's classes (every module of its runtime image) into one jar, ProGuard's
 * library: JDKs from 24 on may ship without jmods, and ProGuard reads no runtime image. Run by the
 * functions module's build as a source-file program: {@code java JdkClasses.java OUT.jar}.
 */
public class JdkClasses {
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    if (Files.exists(out)) {
      return; // one per build directory: the JDK does not change under it
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    try (OutputStream file = Files.newOutputStream(partial);
        JarOutputStream jar = new JarOutputStream(file);
        Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
      jar.setLevel(0);
      for (Path module : modules.toList()) {
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(module)) {
          classes =
              walk.filter(p -> p.toString().endsWith(".class"))
                  .filter(p -> !p.getFileName().toString().equals("module-info.class"))
                  .toList();
        }
        for (Path c : classes) {
          jar.putNextEntry(new JarEntry(module.relativize(c).toString()));
          jar.write(Files.readAllBytes(c));
          jar.closeEntry();
        }
      }
    }
    Files.move(partial, out);
  }
}
