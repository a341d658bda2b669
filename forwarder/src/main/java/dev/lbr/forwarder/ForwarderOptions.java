package dev.lbr.forwarder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The forwarder's configuration: flags, each with an environment fallback (a flag wins). Parse with
 * {@link #parse}, which also validates and fails with a message naming the flag and its variable.
 */
@Command(
    name = "forwarder",
    mixinStandardHelpOptions = true,
    description = "Streams Kubernetes changes to Amazon EventBridge.")
public final class ForwarderOptions {

  /** The environment variable behind each flag. */
  static final Map<String, String> ENV =
      Map.ofEntries(
          Map.entry("--cluster", "CLUSTER_NAME"),
          Map.entry("--bus", "EVENT_BUS_NAME"),
          Map.entry("--region", "AWS_REGION"),
          Map.entry("--endpoint", "LBR_ENDPOINT"),
          Map.entry("--namespace", "WATCH_NAMESPACES"),
          Map.entry("--coalesce-window", "COALESCE_WINDOW"),
          Map.entry("--stdout", "LBR_STDOUT"),
          Map.entry("--kubeconfig", "KUBECONFIG"),
          Map.entry("--http-port", "HTTP_PORT"),
          Map.entry("--inventory-period", "INVENTORY_PERIOD"),
          Map.entry("--lease-duration", "LEASE_DURATION"),
          Map.entry("--lease-retry", "LEASE_RETRY_PERIOD"),
          Map.entry("--status-queue", "STATUS_QUEUE_URL"),
          Map.entry("--target-group-bindings", "TARGET_GROUP_BINDINGS"),
          Map.entry("--webhook-port", "WEBHOOK_PORT"),
          Map.entry("--webhook-cert-managed-externally", "WEBHOOK_CERT_MANAGED_EXTERNALLY"));

  @Option(names = "--cluster", description = "Cluster name stamped on every event (CLUSTER_NAME).")
  String cluster;

  @Option(names = "--bus", description = "EventBridge bus name or ARN (EVENT_BUS_NAME).")
  String bus;

  @Option(names = "--region", description = "AWS region (AWS_REGION).")
  String region;

  @Option(
      names = "--endpoint",
      description = "AWS endpoint override, e.g. an emulator (LBR_ENDPOINT).")
  URI endpoint;

  @Option(
      names = "--namespace",
      split = ",",
      description =
          "Only watch these namespaces; repeatable or comma-separated (WATCH_NAMESPACES). All when"
              + " absent.")
  List<String> namespaces = new ArrayList<>();

  @Option(
      names = "--coalesce-window",
      converter = DurationConverter.class,
      description = "Per-object coalescing window: 1s, 500ms, 2m or PT1S (COALESCE_WINDOW).")
  Duration coalesceWindow;

  @Option(
      names = "--stdout",
      description = "Print events to stdout instead of publishing (LBR_STDOUT).")
  boolean stdout;

  @Option(names = "--kubeconfig", description = "Kubeconfig file; in-cluster when absent.")
  String kubeconfig;

  @Option(names = "--http-port", description = "Port of /healthz, /readyz, /metrics (HTTP_PORT).")
  int httpPort = 8080;

  @Option(
      names = "--inventory-period",
      converter = DurationConverter.class,
      description = "How often the leader sends an inventory of live keys (INVENTORY_PERIOD).")
  Duration inventoryPeriod;

  @Option(
      names = "--lease-duration",
      converter = DurationConverter.class,
      description =
          "How long a standby waits on an unrenewed Lease before taking over (LEASE_DURATION).")
  Duration leaseDuration;

  @Option(
      names = "--lease-retry",
      converter = DurationConverter.class,
      description =
          "How often the leader renews and standbys check the Lease (LEASE_RETRY_PERIOD).")
  Duration leaseRetry;

  @Option(
      names = "--status-queue",
      description =
          "SQS queue URL of the stack results the leader writes back to the cluster: status,"
              + " conditions, events, finalizers, TargetGroupBindings (STATUS_QUEUE_URL). None"
              + " when absent.")
  String statusQueue;

  @Option(
      names = "--target-group-bindings",
      description =
          "Write TargetGroupBindings: auto (not while LBC's webhook exists), on or off"
              + " (TARGET_GROUP_BINDINGS).")
  BindingsSetting targetGroupBindings = BindingsSetting.AUTO;

  @Option(
      names = "--webhook-port",
      description =
          "HTTPS port of the pod readiness gate webhook, /mutate-v1-pod; 0 turns it off"
              + " (WEBHOOK_PORT).")
  int webhookPort = DEFAULT_WEBHOOK_PORT;

  @Option(
      names = "--webhook-cert-managed-externally",
      description =
          "Read the webhook's certificate from the Secret lbr-webhook-tls without creating or"
              + " rotating it, nor writing the CA bundle: cert-manager does"
              + " (WEBHOOK_CERT_MANAGED_EXTERNALLY).")
  boolean webhookCertManagedExternally;

  @Option(
      names = "--remove-finalizers",
      description =
          "Remove lbr's finalizers from every Service and Ingress, then exit (uninstalling).")
  boolean removeFinalizers;

  /** {@code --target-group-bindings}. */
  public enum BindingsSetting {
    AUTO,
    ON,
    OFF
  }

  public static final int DEFAULT_WEBHOOK_PORT = 9443;
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);
  public static final Duration DEFAULT_INVENTORY_PERIOD = Duration.ofMinutes(10);
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);
  public static final Duration DEFAULT_LEASE_RETRY = Duration.ofSeconds(2);

  public String cluster() {
    return cluster;
  }

  public String bus() {
    return bus;
  }

  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  public List<String> namespaces() {
    return List.copyOf(namespaces);
  }

  public Duration coalesceWindow() {
    return coalesceWindow == null ? DEFAULT_WINDOW : coalesceWindow;
  }

  public boolean stdout() {
    return stdout;
  }

  public Optional<String> kubeconfig() {
    return Optional.ofNullable(kubeconfig);
  }

  public int httpPort() {
    return httpPort;
  }

  public Duration inventoryPeriod() {
    return inventoryPeriod == null ? DEFAULT_INVENTORY_PERIOD : inventoryPeriod;
  }

  public Duration leaseDuration() {
    return leaseDuration == null ? DEFAULT_LEASE_DURATION : leaseDuration;
  }

  public Optional<String> statusQueue() {
    return Optional.ofNullable(statusQueue);
  }

  public BindingsSetting targetGroupBindings() {
    return targetGroupBindings;
  }

  /** The webhook's port; 0 when it is off. */
  public int webhookPort() {
    return webhookPort;
  }

  public boolean webhookCertManagedExternally() {
    return webhookCertManagedExternally;
  }

  public boolean removeFinalizers() {
    return removeFinalizers;
  }

  public Duration leaseRetry() {
    return leaseRetry == null ? DEFAULT_LEASE_RETRY : leaseRetry;
  }

  /** Thrown for a missing or invalid setting; the message says which flag and variable. */
  public static final class InvalidOptionsException extends IllegalArgumentException {
    InvalidOptionsException(String message) {
      super(message);
    }
  }

  /** Parses and validates; {@code env} supplies the fallbacks (System.getenv() in production). */
  public static ForwarderOptions parse(String[] args, Map<String, String> env) {
    ForwarderOptions options = new ForwarderOptions();
    CommandLine cli = commandLine(options, env);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new InvalidOptionsException(e.getMessage());
    }
    options.validate();
    return options;
  }

  static CommandLine commandLine(ForwarderOptions options, Map<String, String> env) {
    return new CommandLine(options)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setDefaultValueProvider(
            (ArgSpec arg) -> {
              if (arg instanceof OptionSpec o) {
                String name = ENV.get(o.longestName());
                String value = name == null ? null : env.get(name);
                return value == null || value.isBlank() ? null : value.trim();
              }
              return null;
            });
  }

  private void validate() {
    if (!removeFinalizers && (cluster == null || cluster.isBlank())) {
      throw invalid("--cluster", "the cluster name is required");
    }
    if (!stdout && !removeFinalizers && (bus == null || bus.isBlank())) {
      throw invalid("--bus", "the event bus is required (or --stdout to print events)");
    }
    if (endpoint != null
        && (endpoint.getScheme() == null
            || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))
            || endpoint.getHost() == null)) {
      throw invalid("--endpoint", "not an http(s) URL: " + endpoint);
    }
    if (statusQueue != null
        && !(statusQueue.startsWith("https://") || statusQueue.startsWith("http://"))) {
      throw invalid("--status-queue", "not a queue URL: " + statusQueue);
    }
    if (coalesceWindow().isNegative() || coalesceWindow().compareTo(Duration.ofMinutes(5)) > 0) {
      throw invalid("--coalesce-window", "must be between 0 and 5m, got " + coalesceWindow());
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw invalid("--http-port", "not a port: " + httpPort);
    }
    if (webhookPort < 0 || webhookPort > 65535) {
      throw invalid("--webhook-port", "not a port: " + webhookPort);
    }
    if (webhookPort != 0 && webhookPort == httpPort) {
      throw invalid("--webhook-port", "the same as --http-port: " + webhookPort);
    }
    if (inventoryPeriod().compareTo(Duration.ofSeconds(10)) < 0
        || inventoryPeriod().compareTo(Duration.ofHours(24)) > 0) {
      throw invalid("--inventory-period", "must be between 10s and 24h, got " + inventoryPeriod());
    }
    if (leaseRetry().compareTo(Duration.ofMillis(100)) < 0) {
      throw invalid("--lease-retry", "must be at least 100ms, got " + leaseRetry());
    }
    if (leaseDuration().compareTo(leaseRetry().multipliedBy(2)) < 0) {
      throw invalid(
          "--lease-duration",
          "must be at least twice --lease-retry (" + leaseRetry() + "), got " + leaseDuration());
    }
    namespaces = namespaces.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String ns : namespaces) {
      if (!ns.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
        throw invalid("--namespace", "not a namespace name: '" + ns + "'");
      }
    }
  }

  private static InvalidOptionsException invalid(String flag, String message) {
    return new InvalidOptionsException(flag + " (" + ENV.get(flag) + "): " + message);
  }

  /** 1s, 500ms, 2m, 1h, or an ISO-8601 duration. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase();
      try {
        if (v.startsWith("p")) {
          return Duration.parse(v.toUpperCase());
        }
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          case 'h' -> Duration.ofHours(n);
          default -> throw new NumberFormatException();
        };
      } catch (RuntimeException e) {
        throw new CommandLine.TypeConversionException(
            "not a duration: '" + value + "' (use 1s, 500ms, 2m or PT1S)");
      }
    }
  }
}
