package dev.lbr.infra;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployment's parameters, read from CDK context ({@code cdk synth -c clusterName=prod ...})
 * and validated before anything is built. Every error names the context key at fault. The keys are
 * listed in {@code docs/deploy.md}.
 *
 * @param clusterName the EKS cluster name: the value of every ownership tag, and of {@code
 *     detail.cluster} in the events the rules accept
 * @param vpcId the cluster's VPC (the functions' {@code VPC_ID}); required, because it scopes
 *     security group creation: without it the functions could create groups in any VPC
 * @param stateWriters IAM role ARNs besides the functions' own that may write the state table
 *     (operators running {@code lbr drift} or {@code lbr apply} against it); empty by default
 * @param forwarderImage the forwarder's container image, for the rendered manifest
 * @param driftRateMinutes how often drift correction runs
 * @param logRetentionDays CloudWatch Logs retention of every function's log group
 * @param reconcileConcurrency reserved concurrency of "reconcile" (part of the ELB API budget)
 * @param targetsConcurrency reserved concurrency of "targets"
 * @param driftConcurrency reserved concurrency of "drift"
 * @param forwarderIdentity how the forwarder's pods get the forwarder role
 * @param driftEnvironment the drift function's own options ({@code GC_GRACE}, {@code
 *     DRIFT_MAX_LB_DELETES}, {@code DRIFT_ELB_CALLS_PER_SECOND}), only those given
 * @param bindableTargetGroups name patterns (IAM wildcards {@code *} and {@code ?}) of the target
 *     groups made outside lbr in which users' TargetGroupBindings may register targets; {@code
 *     ["*"]} by default, empty for {@code none}
 */
public record Settings(
    String clusterName,
    String vpcId,
    String forwarderImage,
    int driftRateMinutes,
    int logRetentionDays,
    int reconcileConcurrency,
    int targetsConcurrency,
    int driftConcurrency,
    ForwarderIdentity forwarderIdentity,
    Map<String, String> driftEnvironment,
    List<String> stateWriters,
    List<String> bindableTargetGroups) {

  /** The namespace and service account of the forwarder ({@code forwarder/deploy/}). */
  public static final String FORWARDER_NAMESPACE = "lbr-system";

  public static final String FORWARDER_SERVICE_ACCOUNT = "lbr-forwarder";

  /** EKS cluster names: 1–100 characters, a letter or digit first, then letters, digits, - _. */
  private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");

  private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8,17}");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/\\S+");

  /** A target group name (1–32 letters, digits, hyphens) with IAM's wildcards. */
  private static final Pattern TARGET_GROUP_NAME_PATTERN = Pattern.compile("[A-Za-z0-9?*-]{1,32}");

  private static final Pattern RATE =
      Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)|(\\d+)");
  private static final Pattern OIDC_PROVIDER_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:oidc-provider/(.+)");

  /** The values CloudWatch Logs accepts as a retention in days. */
  static final Set<Integer> LOG_RETENTION_DAYS =
      Set.of(
          1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
          2922, 3288, 3653);

  /** How the forwarder's pods assume its role. */
  public sealed interface ForwarderIdentity {}

  /**
   * IAM roles for service accounts: the role trusts the cluster's OIDC provider for exactly the
   * forwarder's service account.
   *
   * @param providerArn the provider's ARN
   * @param issuer the provider's host and path ({@code oidc.eks.REGION.amazonaws.com/id/ID})
   */
  public record Irsa(String providerArn, String issuer) implements ForwarderIdentity {}

  /** EKS Pod Identity: the role trusts {@code pods.eks.amazonaws.com}; an association binds it. */
  public record PodIdentity() implements ForwarderIdentity {}

  /** Reads and validates the context; {@code context} returns null for an absent key. */
  public static Settings from(Function<String, Object> context) {
    Reader r = new Reader(context);
    Settings settings =
        new Settings(
            r.clusterName(),
            r.vpcId(),
            r.optional(
                "forwarderImage",
                Pattern.compile("\\S+"),
                "a container image reference without spaces"),
            r.rateMinutes("driftRate", 15),
            r.logRetention(),
            r.positiveInt("reconcileConcurrency", 10),
            r.positiveInt("targetsConcurrency", 10),
            r.positiveInt("driftConcurrency", 1),
            r.forwarderIdentity(),
            r.driftEnvironment(),
            r.roleArns("stateWriters"),
            r.targetGroupNamePatterns("bindableTargetGroups"));
    if (!r.errors.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid CDK context (set with -c key=value or in cdk.json):\n  - "
              + String.join("\n  - ", r.errors));
    }
    return settings;
  }

  /** The drift schedule's expression for EventBridge. */
  public String driftScheduleExpression() {
    return driftRateMinutes == 1 ? "rate(1 minute)" : "rate(" + driftRateMinutes + " minutes)";
  }

  private static final class Reader {
    private final Function<String, Object> context;
    private final List<String> errors = new ArrayList<>();

    Reader(Function<String, Object> context) {
      this.context = context;
    }

    private String string(String key) {
      Object v = context.apply(key);
      if (v == null) {
        return null;
      }
      String s = v.toString().trim();
      return s.isEmpty() ? null : s;
    }

    String clusterName() {
      String v = string("clusterName");
      if (v == null) {
        errors.add("clusterName is required: the EKS cluster's name (-c clusterName=my-cluster)");
        return null;
      }
      if (!CLUSTER_NAME.matcher(v).matches()) {
        errors.add(
            "clusterName '"
                + v
                + "' is not a valid EKS cluster name (1-100 characters: letters, digits, '-', '_';"
                + " a letter or digit first)");
      }
      return v;
    }

    String vpcId() {
      String v = optional("vpcId", VPC_ID, "a VPC id such as vpc-0123456789abcdef0");
      if (v == null) {
        errors.add(
            "vpcId is required: the cluster's VPC, to which security group creation is scoped"
                + " (-c vpcId=vpc-0123456789abcdef0; aws eks describe-cluster --name NAME --query"
                + " cluster.resourcesVpcConfig.vpcId)");
      }
      return v;
    }

    /** A comma-separated list of IAM role ARNs; empty when absent. */
    List<String> roleArns(String key) {
      String v = string(key);
      if (v == null) {
        return List.of();
      }
      List<String> arns = new ArrayList<>();
      for (String part : v.split(",")) {
        String arn = part.trim();
        if (!ROLE_ARN.matcher(arn).matches()) {
          errors.add(
              key + ": '" + arn + "' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
        } else {
          arns.add(arn);
        }
      }
      return List.copyOf(arns);
    }

    /** A comma-separated list of target group name patterns; ["*"] when absent, [] for none. */
    List<String> targetGroupNamePatterns(String key) {
      String v = string(key);
      if (v == null) {
        return List.of("*");
      }
      if (v.equals("none")) {
        return List.of();
      }
      List<String> patterns = new ArrayList<>();
      for (String part : v.split(",")) {
        String pattern = part.trim();
        if (!TARGET_GROUP_NAME_PATTERN.matcher(pattern).matches()) {
          errors.add(
              key
                  + ": '"
                  + pattern
                  + "' is not a target group name pattern (1-32 letters, digits, '-', with the"
                  + " wildcards '*' and '?'), nor 'none'");
        } else {
          patterns.add(pattern);
        }
      }
      return List.copyOf(patterns);
    }

    String optional(String key, Pattern pattern, String what) {
      String v = string(key);
      if (v != null && !pattern.matcher(v).matches()) {
        errors.add(key + " '" + v + "' is not " + what);
      }
      return v;
    }

    int rateMinutes(String key, int defaultMinutes) {
      String v = string(key);
      if (v == null) {
        return defaultMinutes;
      }
      Matcher m = RATE.matcher(v);
      if (!m.matches()) {
        errors.add(
            key + " '" + v + "' is not a rate: use minutes ('15') or 'rate(N minutes|hours|days)'");
        return defaultMinutes;
      }
      long minutes;
      if (m.group(3) != null) {
        minutes = Long.parseLong(m.group(3));
      } else {
        long n = Long.parseLong(m.group(1));
        minutes =
            switch (m.group(2)) {
              case "hour", "hours" -> n * 60;
              case "day", "days" -> n * 60 * 24;
              default -> n;
            };
        boolean singular = !m.group(2).endsWith("s");
        if (singular != (n == 1)) {
          errors.add(key + " '" + v + "': EventBridge wants '1 minute' but 'N minutes' (N > 1)");
        }
      }
      if (minutes < 1 || minutes > 7 * 24 * 60) {
        errors.add(key + " '" + v + "' must be between 1 minute and 7 days");
        return defaultMinutes;
      }
      return (int) minutes;
    }

    int logRetention() {
      int days = positiveInt("logRetentionDays", 30);
      if (days > 0 && !LOG_RETENTION_DAYS.contains(days)) {
        errors.add(
            "logRetentionDays "
                + days
                + " is not a CloudWatch Logs retention; one of "
                + LOG_RETENTION_DAYS.stream().sorted().toList());
      }
      return days;
    }

    int positiveInt(String key, int defaultValue) {
      String v = string(key);
      if (v == null) {
        return defaultValue;
      }
      try {
        int n = Integer.parseInt(v);
        if (n >= 1) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      errors.add(key + " '" + v + "' must be a whole number >= 1");
      return defaultValue;
    }

    /**
     * gcGrace (ISO-8601 duration), driftMaxLbDeletes and driftElbCallsPerSecond (whole numbers).
     */
    Map<String, String> driftEnvironment() {
      Map<String, String> env = new LinkedHashMap<>();
      String grace = string("gcGrace");
      if (grace != null) {
        try {
          if (Duration.parse(grace).isNegative()) {
            errors.add("gcGrace '" + grace + "' must not be negative");
          }
          env.put("GC_GRACE", grace);
        } catch (DateTimeParseException e) {
          errors.add("gcGrace '" + grace + "' is not an ISO-8601 duration such as PT1H or PT30M");
        }
      }
      if (string("driftMaxLbDeletes") != null) {
        String v = string("driftMaxLbDeletes");
        try {
          if (Integer.parseInt(v) < 0) {
            throw new NumberFormatException();
          }
          env.put("DRIFT_MAX_LB_DELETES", v);
        } catch (NumberFormatException e) {
          errors.add("driftMaxLbDeletes '" + v + "' must be a whole number >= 0");
        }
      }
      if (string("driftElbCallsPerSecond") != null) {
        env.put(
            "DRIFT_ELB_CALLS_PER_SECOND",
            Integer.toString(positiveInt("driftElbCallsPerSecond", 10)));
      }
      return env;
    }

    ForwarderIdentity forwarderIdentity() {
      String mode = string("forwarderIdentity");
      String provider = string("oidcProviderArn");
      if (mode == null) {
        mode = provider != null ? "irsa" : "pod-identity";
      }
      switch (mode) {
        case "pod-identity" -> {
          if (provider != null) {
            errors.add("oidcProviderArn is set but forwarderIdentity is 'pod-identity'");
          }
          return new PodIdentity();
        }
        case "irsa" -> {
          if (provider == null) {
            errors.add(
                "oidcProviderArn is required when forwarderIdentity is 'irsa' (the cluster's IAM"
                    + " OIDC provider, arn:aws:iam::ACCOUNT:oidc-provider/oidc.eks.REGION"
                    + ".amazonaws.com/id/ID)");
            return new PodIdentity();
          }
          Matcher m = OIDC_PROVIDER_ARN.matcher(provider);
          if (!m.matches()) {
            errors.add(
                "oidcProviderArn '"
                    + provider
                    + "' is not an IAM OIDC provider ARN"
                    + " (arn:aws:iam::ACCOUNT:oidc-provider/oidc.eks.REGION.amazonaws.com/id/ID)");
            return new PodIdentity();
          }
          return new Irsa(provider, m.group(1));
        }
        default -> {
          errors.add("forwarderIdentity '" + mode + "' must be 'pod-identity' or 'irsa'");
          return new PodIdentity();
        }
      }
    }
  }
}
