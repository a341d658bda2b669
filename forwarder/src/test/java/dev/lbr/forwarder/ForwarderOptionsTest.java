package dev.lbr.forwarder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwarderOptionsTest {

  static ForwarderOptions parse(Map<String, String> env, String... args) {
    return ForwarderOptions.parse(args, env);
  }

  @Test
  void flagsAreReadWithTheirDefaults() {
    ForwarderOptions o =
        parse(
            Map.of(),
            "--cluster=demo",
            "--bus",
            "lbr",
            "--namespace",
            "web",
            "--namespace=api,ops",
            "--endpoint=http://localhost:5000");
    assertThat(o.cluster()).isEqualTo("demo");
    assertThat(o.bus()).isEqualTo("lbr");
    assertThat(o.namespaces()).containsExactly("web", "api", "ops");
    assertThat(o.endpoint()).contains(URI.create("http://localhost:5000"));
    assertThat(o.coalesceWindow()).isEqualTo(Duration.ofSeconds(1));
    assertThat(o.httpPort()).isEqualTo(8080);
    assertThat(o.stdout()).isFalse();
  }

  @Test
  void theEnvironmentFillsWhatNoFlagGives() {
    ForwarderOptions o =
        parse(
            Map.of(
                "CLUSTER_NAME", "from-env",
                "EVENT_BUS_NAME", "bus-env",
                "AWS_REGION", "eu-west-1",
                "COALESCE_WINDOW", "250ms",
                "KUBECONFIG", "/tmp/kc",
                "WATCH_NAMESPACES", "web,api",
                "HTTP_PORT", "9090"),
            "--cluster=from-flag");
    assertThat(o.cluster()).isEqualTo("from-flag");
    assertThat(o.bus()).isEqualTo("bus-env");
    assertThat(o.region()).contains("eu-west-1");
    assertThat(o.coalesceWindow()).isEqualTo(Duration.ofMillis(250));
    assertThat(o.kubeconfig()).contains("/tmp/kc");
    assertThat(o.namespaces()).containsExactly("web", "api");
    assertThat(o.httpPort()).isEqualTo(9090);
  }

  @Test
  void stdoutNeedsNoBus() {
    assertThat(parse(Map.of(), "--cluster=demo", "--stdout").stdout()).isTrue();
  }

  @Test
  void missingOrInvalidSettingsFailWithTheFlagAndItsVariable() {
    assertThatThrownBy(() -> parse(Map.of(), "--bus=b"))
        .hasMessageContaining("--cluster (CLUSTER_NAME)");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo"))
        .hasMessageContaining("--bus (EVENT_BUS_NAME)");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo", "--bus=b", "--endpoint=localhost"))
        .hasMessageContaining("--endpoint (LBR_ENDPOINT)");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo", "--bus=b", "--coalesce-window=soon"))
        .hasMessageContaining("not a duration: 'soon'");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo", "--bus=b", "--coalesce-window=1h"))
        .hasMessageContaining("--coalesce-window");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo", "--bus=b", "--namespace=Bad_NS"))
        .hasMessageContaining("not a namespace name: 'Bad_NS'");
  }

  @Test
  void leaseAndInventoryTimingsAreOptionsWithSafeBounds() {
    ForwarderOptions options =
        parse(
            Map.of("LEASE_DURATION", "30s", "INVENTORY_PERIOD", "5m"),
            "--cluster=demo",
            "--bus=b",
            "--lease-retry=5s");
    assertThat(options.leaseDuration()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(options.leaseRetry()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(options.inventoryPeriod()).isEqualTo(java.time.Duration.ofMinutes(5));

    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo", "--bus=b", "--lease-duration=3s"))
        .hasMessageContaining("--lease-duration (LEASE_DURATION)")
        .hasMessageContaining("at least twice --lease-retry");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo", "--bus=b", "--inventory-period=1s"))
        .hasMessageContaining("--inventory-period (INVENTORY_PERIOD)");
  }

  @Test
  void theWriteBackIsOffUnlessAStatusQueueIsGivenAndBindingsFollowLbcByDefault() {
    ForwarderOptions none = parse(Map.of(), "--cluster=demo", "--bus=b");
    assertThat(none.statusQueue()).isEmpty();
    assertThat(none.targetGroupBindings()).isEqualTo(ForwarderOptions.BindingsSetting.AUTO);
    assertThat(none.removeFinalizers()).isFalse();

    String url = "https://sqs.eu-west-1.amazonaws.com/123456789012/lbr-status-demo";
    ForwarderOptions o =
        parse(
            Map.of("STATUS_QUEUE_URL", url, "TARGET_GROUP_BINDINGS", "off"),
            "--cluster=demo",
            "--bus=b");
    assertThat(o.statusQueue()).contains(url);
    assertThat(o.targetGroupBindings()).isEqualTo(ForwarderOptions.BindingsSetting.OFF);
    assertThat(
            parse(Map.of(), "--cluster=demo", "--bus=b", "--target-group-bindings=on")
                .targetGroupBindings())
        .isEqualTo(ForwarderOptions.BindingsSetting.ON);

    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo", "--bus=b", "--status-queue=lbr"))
        .hasMessageContaining("--status-queue (STATUS_QUEUE_URL)");
    assertThatThrownBy(
            () -> parse(Map.of(), "--cluster=demo", "--bus=b", "--target-group-bindings=maybe"))
        .hasMessageContaining("maybe");
  }

  @Test
  void theWebhookServesOn9443WithItsOwnCertificatesUnlessToldOtherwise() {
    ForwarderOptions defaults = parse(Map.of(), "--cluster=demo", "--bus=b");
    assertThat(defaults.webhookPort()).isEqualTo(9443);
    assertThat(defaults.webhookCertManagedExternally()).isFalse();

    ForwarderOptions env =
        parse(
            Map.of("WEBHOOK_PORT", "0", "WEBHOOK_CERT_MANAGED_EXTERNALLY", "true"),
            "--cluster=demo",
            "--bus=b");
    assertThat(env.webhookPort()).isZero();
    assertThat(env.webhookCertManagedExternally()).isTrue();
    assertThat(parse(Map.of(), "--cluster=demo", "--bus=b", "--webhook-port=10250").webhookPort())
        .isEqualTo(10250);

    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo", "--bus=b", "--webhook-port=70000"))
        .hasMessageContaining("--webhook-port (WEBHOOK_PORT)");
    assertThatThrownBy(() -> parse(Map.of(), "--cluster=demo", "--bus=b", "--webhook-port=8080"))
        .hasMessageContaining("--http-port");
  }

  @Test
  void removingFinalizersNeedsNeitherClusterNorBus() {
    assertThat(parse(Map.of(), "--remove-finalizers").removeFinalizers()).isTrue();
  }
}
