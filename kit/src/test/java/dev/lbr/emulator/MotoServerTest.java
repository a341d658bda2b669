package dev.lbr.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

class MotoServerTest {
  @TempDir Path tmp;

  @Test
  void theExplicitSettingWinsOverPath() throws IOException {
    Path explicit = executable(tmp.resolve("custom/moto_server"));
    Path onPath = executable(tmp.resolve("bin/moto_server"));

    assertThat(
            MotoServer.locate(
                Map.of("MOTO_SERVER", explicit.toString(), "PATH", onPath.getParent().toString()),
                tmp,
                new ArrayList<>()))
        .contains(explicit);
  }

  @Test
  void pathIsSearchedBeforePyenvVersions() throws IOException {
    Path onPath = executable(tmp.resolve("bin/moto_server"));
    executable(tmp.resolve("home/.pyenv/versions/3.11.7/bin/moto_server"));

    assertThat(
            MotoServer.locate(
                Map.of("PATH", "/nonexistent:" + onPath.getParent()),
                tmp.resolve("home"),
                new ArrayList<>()))
        .contains(onPath);
  }

  @Test
  void pyenvVersionsAreTheLastResortNewestFirst() throws IOException {
    executable(tmp.resolve("home/.pyenv/versions/3.10.1/bin/moto_server"));
    Path newest = executable(tmp.resolve("home/.pyenv/versions/3.11.7/bin/moto_server"));

    assertThat(
            MotoServer.locate(
                Map.of("PATH", "/nonexistent"), tmp.resolve("home"), new ArrayList<>()))
        .contains(newest);
  }

  @Test
  void whenNothingIsFoundEveryPlaceLookedAtIsListed() {
    List<String> looked = new ArrayList<>();

    assertThat(MotoServer.locate(Map.of("PATH", "/nowhere/a:/nowhere/b"), tmp, looked)).isEmpty();
    assertThat(looked)
        .contains(
            "$MOTO_SERVER (unset)",
            "/nowhere/a/moto_server",
            "/nowhere/b/moto_server",
            tmp.resolve(".pyenv/versions") + "/*/bin/moto_server");
  }

  @Test
  void anExplicitSettingThatIsNotExecutableIsReportedNotSkipped() {
    List<String> looked = new ArrayList<>();
    assertThat(MotoServer.locate(Map.of("MOTO_SERVER", "/no/such/moto_server"), tmp, looked))
        .isEmpty();
    assertThat(looked).singleElement().asString().contains("/no/such/moto_server");
  }

  @Test
  void aStartedServerAnswersForgetsOnResetAndStopsWithItsChildren() {
    List<ProcessHandle> started;
    try (MotoServer moto = MotoServer.start();
        Ec2Client ec2 =
            Ec2Client.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
      assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
      ec2.createVpc(r -> r.cidrBlock("10.99.0.0/16"));
      assertThat(
              ec2.describeVpcs(r -> r.filters(f -> f.name("cidr").values("10.99.0.0/16"))).vpcs())
          .hasSize(1);

      moto.reset();

      assertThat(
              ec2.describeVpcs(r -> r.filters(f -> f.name("cidr").values("10.99.0.0/16"))).vpcs())
          .isEmpty();
      String port = Integer.toString(moto.endpoint().getPort());
      started =
          ProcessHandle.allProcesses()
              .filter(p -> p.info().arguments().map(a -> List.of(a).contains(port)).orElse(false))
              .toList();
      assertThat(started).isNotEmpty();
    }
    assertThat(started).noneMatch(ProcessHandle::isAlive);
  }

  private static Path executable(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
