package dev.lbr.aws;

import dev.lbr.model.RuleCondition;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HostHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HttpHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HttpRequestMethodConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PathPatternConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.QueryStringConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.QueryStringKeyValuePair;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SourceIpConditionConfig;

/**
 * Maps rule conditions between the model and the SDK. Writes use the per-field config objects
 * (never the legacy top-level {@code Values}); reads accept both.
 */
final class ElbConditions {
  private ElbConditions() {}

  static List<software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition> toSdk(
      List<RuleCondition> conditions) {
    return conditions.stream().map(ElbConditions::toSdk).toList();
  }

  static software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition toSdk(
      RuleCondition c) {
    var b =
        software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition.builder()
            .field(c.field());
    List<String> regex = emptyToNull(c.regexValues());
    switch (c.field()) {
      case "host-header" ->
          b.hostHeaderConfig(
              HostHeaderConditionConfig.builder()
                  .values(emptyToNull(c.values()))
                  .regexValues(regex)
                  .build());
      case "path-pattern" ->
          b.pathPatternConfig(
              PathPatternConditionConfig.builder()
                  .values(emptyToNull(c.values()))
                  .regexValues(regex)
                  .build());
      case "http-header" ->
          b.httpHeaderConfig(
              HttpHeaderConditionConfig.builder()
                  .httpHeaderName(c.httpHeaderName())
                  .values(emptyToNull(c.values()))
                  .regexValues(regex)
                  .build());
      case "http-request-method" ->
          b.httpRequestMethodConfig(
              HttpRequestMethodConditionConfig.builder().values(c.values()).build());
      case "source-ip" ->
          b.sourceIpConfig(SourceIpConditionConfig.builder().values(c.values()).build());
      case "query-string" ->
          b.queryStringConfig(
              QueryStringConditionConfig.builder()
                  .values(
                      c.queryStrings().stream()
                          .map(
                              q ->
                                  QueryStringKeyValuePair.builder()
                                      .key(q.key())
                                      .value(q.value())
                                      .build())
                          .toList())
                  .build());
      default -> throw new IllegalArgumentException("unknown rule condition field: " + c.field());
    }
    return b.build();
  }

  static List<RuleCondition> fromSdk(
      List<software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition> sdk) {
    return sdk.stream().map(ElbConditions::fromSdk).toList();
  }

  static RuleCondition fromSdk(
      software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition c) {
    String field = c.field();
    List<String> legacy = c.hasValues() ? c.values() : null;
    return switch (field) {
      case "host-header" -> {
        HostHeaderConditionConfig h = c.hostHeaderConfig();
        yield h == null
            ? of(field, legacy, null)
            : of(
                field,
                values(h.hasValues(), h.values()),
                values(h.hasRegexValues(), h.regexValues()));
      }
      case "path-pattern" -> {
        PathPatternConditionConfig p = c.pathPatternConfig();
        yield p == null
            ? of(field, legacy, null)
            : of(
                field,
                values(p.hasValues(), p.values()),
                values(p.hasRegexValues(), p.regexValues()));
      }
      case "http-header" -> {
        HttpHeaderConditionConfig h = c.httpHeaderConfig();
        yield new RuleCondition(
            field,
            values(h.hasValues(), h.values()),
            values(h.hasRegexValues(), h.regexValues()),
            h.httpHeaderName(),
            null);
      }
      case "http-request-method" -> {
        HttpRequestMethodConditionConfig m = c.httpRequestMethodConfig();
        yield of(field, m == null ? legacy : m.values(), null);
      }
      case "source-ip" -> {
        SourceIpConditionConfig s = c.sourceIpConfig();
        yield of(field, s == null ? legacy : s.values(), null);
      }
      case "query-string" ->
          new RuleCondition(
              field,
              null,
              null,
              null,
              c.queryStringConfig().values().stream()
                  .map(q -> new RuleCondition.QueryString(q.key(), q.value()))
                  .toList());
      default -> of(field, legacy, null);
    };
  }

  private static RuleCondition of(String field, List<String> values, List<String> regexValues) {
    return new RuleCondition(field, values, regexValues, null, null);
  }

  private static List<String> values(boolean present, List<String> values) {
    return present && !values.isEmpty() ? List.copyOf(values) : null;
  }

  private static List<String> emptyToNull(List<String> values) {
    return values == null || values.isEmpty() ? null : values;
  }
}
