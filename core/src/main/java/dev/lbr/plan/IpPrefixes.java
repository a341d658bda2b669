package dev.lbr.plan;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IPv4 and IPv6 addresses and prefixes (pure, literals only: nothing is ever resolved by DNS). EC2
 * delegates prefixes of one length per family to a network interface: IPv4 {@code /28}, IPv6 {@code
 * /80} (VPC CNI's prefix delegation; every IPv6 EKS node), so the one prefix that can hold an
 * address is known before asking EC2.
 */
public final class IpPrefixes {
  /** The length of an IPv4 prefix EC2 delegates to a network interface. */
  public static final int DELEGATED_IPV4 = 28;

  /** The length of an IPv6 prefix EC2 delegates to a network interface. */
  public static final int DELEGATED_IPV6 = 80;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private IpPrefixes() {}

  /** Whether the text is an IPv6 address literal. */
  public static boolean isIpv6(String ip) {
    return bytes(ip).filter(b -> b.length == 16).isPresent();
  }

  /**
   * The address in one spelling per address: IPv6 as RFC 5952 prints it (lower case, the longest
   * run of zero groups as {@code ::}), IPv4 as given; empty when it is no address literal.
   */
  public static Optional<String> canonical(String ip) {
    return bytes(ip).map(IpPrefixes::format);
  }

  /**
   * The prefix EC2 would have delegated to hold this address ({@code 10.0.3.16/28}, {@code
   * 2600:1f14:aa:bb00:1::/80}), spelt as EC2 prints prefixes; empty when it is no address literal.
   */
  public static Optional<String> delegatedPrefix(String ip) {
    return bytes(ip)
        .map(
            b -> {
              int length = b.length == 4 ? DELEGATED_IPV4 : DELEGATED_IPV6;
              return format(masked(b, length)) + "/" + length;
            });
  }

  /**
   * Whether the block ({@code a.b.c.d/n} or {@code x::/n}) holds the address; false if unparsable.
   */
  public static boolean contains(String cidr, String ip) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    Optional<byte[]> base = bytes(cidr.substring(0, slash));
    Optional<byte[]> address = bytes(ip);
    int length;
    try {
      length = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (base.isEmpty() || address.isEmpty() || base.get().length != address.get().length) {
      return false;
    }
    if (length < 0 || length > base.get().length * 8) {
      return false;
    }
    return new BigInteger(1, masked(base.get(), length))
        .equals(new BigInteger(1, masked(address.get(), length)));
  }

  private static Optional<byte[]> bytes(String ip) {
    if (ip == null || !(IPV4.matcher(ip).matches() || IPV6.matcher(ip).matches())) {
      return Optional.empty();
    }
    try {
      // a literal (checked above), so no lookup; IPv4-mapped IPv6 comes back as IPv4
      return Optional.of(InetAddress.getByName(ip).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static byte[] masked(byte[] address, int length) {
    byte[] out = address.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, length - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
    }
    return out;
  }

  private static String format(byte[] b) {
    if (b.length == 4) {
      return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 255) << 8) | (b[2 * i + 1] & 255);
    }
    // RFC 5952: the longest run of two or more zero groups (the first if tied) becomes "::"
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
