package dev.lbr.event;

/**
 * Kubernetes resourceVersions as the contract uses them: strings of digits compared as numbers (of
 * any length, so no overflow). Kubernetes calls them opaque, but every API server backed by etcd
 * hands out the etcd revision, which only grows; the reconciler relies on that.
 */
public final class ResourceVersion {

  /** etcd revisions are int64: no real resourceVersion is above 2^63 − 1. */
  public static final String MAX = Long.toString(Long.MAX_VALUE);

  private ResourceVersion() {}

  /** A valid resourceVersion an etcd revision can be (at most {@link #MAX}). */
  public static boolean fitsInt64(String rv) {
    return isValid(rv) && compare(rv, MAX) <= 0;
  }

  /** Non-empty and only ASCII digits. */
  public static boolean isValid(String rv) {
    return rv != null && !rv.isEmpty() && rv.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * Numeric comparison of two valid resourceVersions: negative, zero or positive as {@code a} is
   * older than, the same as, or newer than {@code b}.
   */
  public static int compare(String a, String b) {
    if (!isValid(a) || !isValid(b)) {
      throw new IllegalArgumentException(
          "resourceVersions must be digits, got '" + a + "' and '" + b + "'");
    }
    String x = stripLeadingZeros(a);
    String y = stripLeadingZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  /** Whether {@code candidate} is strictly newer than {@code stored}. */
  public static boolean isNewer(String candidate, String stored) {
    return compare(candidate, stored) > 0;
  }

  private static String stripLeadingZeros(String rv) {
    int i = 0;
    while (i < rv.length() - 1 && rv.charAt(i) == '0') {
      i++;
    }
    return rv.substring(i);
  }
}
