package dev.lbr.translate.common;

import java.util.List;
import java.util.Optional;

/**
 * The ELBv2 predefined security policies (the only SSL policies a listener takes: ALB and NLB have
 * no custom ones). Kept here, once, for the Service and Ingress builders; update it when AWS
 * publishes a new policy.
 */
public final class SslPolicies {
  public static final List<String> PREDEFINED =
      List.of(
          "ELBSecurityPolicy-2016-08",
          "ELBSecurityPolicy-2015-05",
          "ELBSecurityPolicy-TLS-1-0-2015-04",
          "ELBSecurityPolicy-TLS-1-1-2017-01",
          "ELBSecurityPolicy-TLS-1-2-2017-01",
          "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
          "ELBSecurityPolicy-FS-2018-06",
          "ELBSecurityPolicy-FS-1-1-2019-08",
          "ELBSecurityPolicy-FS-1-2-2019-08",
          "ELBSecurityPolicy-FS-1-2-Res-2019-08",
          "ELBSecurityPolicy-FS-1-2-Res-2020-10",
          "ELBSecurityPolicy-TLS13-1-0-2021-06",
          "ELBSecurityPolicy-TLS13-1-1-2021-06",
          "ELBSecurityPolicy-TLS13-1-2-2021-06",
          "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
          "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
          "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
          "ELBSecurityPolicy-TLS13-1-3-2021-06",
          "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
          "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
          "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
          "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
          "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04",
          "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04",
          "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04",
          "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
          "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09",
          "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09");

  private SslPolicies() {}

  /** Empty for a predefined policy; else the problem. */
  public static Optional<String> check(String policy) {
    return PREDEFINED.contains(policy)
        ? Optional.empty()
        : Optional.of(
            "\""
                + policy
                + "\" is not an ELBv2 predefined security policy (e.g. ELBSecurityPolicy-2016-08"
                + " or ELBSecurityPolicy-TLS13-1-2-2021-06; see docs/annotations.md)");
  }
}
