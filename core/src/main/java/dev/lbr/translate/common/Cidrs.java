package dev.lbr.translate.common;

import java.util.regex.Pattern;

/** CIDR syntax checks (Go's {@code net.ParseCIDR}), without any name lookup. */
public final class Cidrs {
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

  private Cidrs() {}

  public static boolean isIpv6(String cidr) {
    return cidr.contains(":");
  }

  public static boolean isValid(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String address = cidr.substring(0, slash);
    String bits = cidr.substring(slash + 1);
    if (!bits.matches("[0-9]{1,3}")) {
      return false;
    }
    int prefix = Integer.parseInt(bits);
    return isIpv6(address)
        ? prefix <= 128 && isIpv6Address(address)
        : prefix <= 32 && IPV4.matcher(address).matches();
  }

  /** RFC 4291 text forms: eight groups, {@code ::} once, an optional dotted IPv4 tail. */
  static boolean isIpv6Address(String address) {
    String s = address;
    int needed = 8;
    int lastColon = s.lastIndexOf(':');
    if (s.substring(lastColon + 1).contains(".")) {
      if (!IPV4.matcher(s.substring(lastColon + 1)).matches()) {
        return false;
      }
      s = s.substring(0, lastColon + 1) + "0"; // one placeholder group for two
      needed = 7;
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon < 0) {
      return groups(s) == needed;
    }
    if (s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String head = s.substring(0, doubleColon);
    String tail = s.substring(doubleColon + 2);
    int headGroups = head.isEmpty() ? 0 : groups(head);
    int tailGroups = tail.isEmpty() ? 0 : groups(tail);
    return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups < needed;
  }

  /** The number of hex groups in a colon-separated list, or -1 if malformed. */
  private static int groups(String s) {
    String[] parts = s.split(":", -1);
    for (String part : parts) {
      if (!HEX_GROUP.matcher(part).matches()) {
        return -1;
      }
    }
    return parts.length;
  }
}
