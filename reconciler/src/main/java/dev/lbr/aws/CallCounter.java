package dev.lbr.aws;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts API calls (not retry attempts) by service and operation. Service names are the SDK's,
 * lower-cased without spaces: {@link #ELBV2}, {@link #EC2}, {@link #ACM}, {@link #DYNAMODB}.
 * Thread-safe.
 */
public final class CallCounter implements ExecutionInterceptor {
  public static final String ELBV2 = "elasticloadbalancingv2";
  public static final String EC2 = "ec2";
  public static final String ACM = "acm";
  public static final String DYNAMODB = "dynamodb";

  private final Map<String, Map<String, LongAdder>> calls = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = normalise(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    calls
        .computeIfAbsent(service, s -> new ConcurrentHashMap<>())
        .computeIfAbsent(operation, o -> new LongAdder())
        .increment();
  }

  public void reset() {
    calls.clear();
  }

  public long count(String service, String operation) {
    LongAdder n = calls.getOrDefault(normalise(service), Map.of()).get(operation);
    return n == null ? 0 : n.sum();
  }

  public long total(String service) {
    return sum(service, op -> true);
  }

  /** Calls that may change something: every operation not starting with Describe, List or Get. */
  public long mutating(String service) {
    return sum(service, op -> !isRead(op));
  }

  /** Calls starting with Describe, List or Get. */
  public long describes(String service) {
    return sum(service, CallCounter::isRead);
  }

  /** Service → operation → count, sorted; a copy. */
  public Map<String, Map<String, Long>> snapshot() {
    Map<String, Map<String, Long>> copy = new TreeMap<>();
    calls.forEach(
        (service, ops) -> {
          Map<String, Long> counts = new TreeMap<>();
          ops.forEach((op, n) -> counts.put(op, n.sum()));
          copy.put(service, counts);
        });
    return copy;
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }

  static boolean isRead(String operation) {
    return operation.startsWith("Describe")
        || operation.startsWith("List")
        || operation.startsWith("Get");
  }

  private long sum(String service, Predicate<String> which) {
    return calls.getOrDefault(normalise(service), Map.of()).entrySet().stream()
        .filter(e -> which.test(e.getKey()))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  private static String normalise(String service) {
    return service == null ? "" : service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
