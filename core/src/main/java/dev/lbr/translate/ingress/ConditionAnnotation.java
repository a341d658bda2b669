package dev.lbr.translate.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.model.RuleCondition;
import dev.lbr.translate.common.Annotations;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code conditions.<name>} (LBC {@code config_types.go RuleCondition}): a JSON list of extra rule
 * conditions for the backends named {@code <name>}. Validated as LBC does; a condition field LBC
 * does not know is an error here (LBC silently drops it, which widens the rule).
 */
final class ConditionAnnotation {
  private final JsonAnnotation json;

  private ConditionAnnotation(Annotations annotations, String backendName) {
    this.json = new JsonAnnotation(annotations, IngressAnnotation.CONDITIONS_PREFIX + backendName);
  }

  /** The conditions for {@code backendName}; empty when there is no such annotation. */
  static List<RuleCondition> parse(Annotations annotations, String backendName) {
    ConditionAnnotation c = new ConditionAnnotation(annotations, backendName);
    return c.json.parse().map(c::conditions).orElse(List.of());
  }

  private List<RuleCondition> conditions(JsonNode root) {
    if (!root.isArray()) {
      throw json.invalid("conditions must be a JSON list of objects");
    }
    List<RuleCondition> out = new ArrayList<>();
    int i = 0;
    for (JsonNode c : root) {
      if (!c.isObject()) {
        throw json.invalid("conditions must be a JSON list of objects");
      }
      String at = "[" + i++ + "]";
      RuleCondition condition = condition(c, at);
      ConditionValues.check(condition)
          .ifPresent(
              problem -> {
                throw json.invalid(at + ": " + problem);
              });
      out.add(condition);
    }
    return List.copyOf(out);
  }

  private RuleCondition condition(JsonNode c, String at) {
    String field = json.text(c, "field", at + ".field").orElse("");
    return switch (field) {
      case "host-header" -> valuesOrRegex(field, c, "hostHeaderConfig", at, null);
      case "path-pattern" -> valuesOrRegex(field, c, "pathPatternConfig", at, null);
      case "http-header" -> {
        JsonNode config = required(c, "httpHeaderConfig", at);
        String name =
            json.text(config, "httpHeaderName", at + ".httpHeaderConfig.httpHeaderName").orElse("");
        yield valuesOrRegex(field, c, "httpHeaderConfig", at, name);
      }
      case "http-request-method" -> plainValues(field, c, "httpRequestMethodConfig", at);
      case "source-ip" -> plainValues(field, c, "sourceIPConfig", at);
      case "query-string" -> queryString(c, at);
      default ->
          throw json.invalid(
              at
                  + ": unknown condition field \""
                  + field
                  + "\" (expected host-header, path-pattern, http-header, http-request-method,"
                  + " query-string or source-ip)");
    };
  }

  private JsonNode required(JsonNode c, String configName, String at) {
    JsonNode config = json.object(c, configName, at + "." + configName);
    if (config == null) {
      throw json.invalid(at + ": missing " + configName);
    }
    return config;
  }

  private RuleCondition valuesOrRegex(
      String field, JsonNode c, String configName, String at, String headerName) {
    JsonNode config = required(c, configName, at);
    String path = at + "." + configName;
    List<String> values = json.strings(config, "values", path + ".values");
    List<String> regex = json.strings(config, "regexValues", path + ".regexValues");
    if (values.isEmpty() && regex.isEmpty()) {
      throw json.invalid("invalid " + configName + ": values or regexValues must be specified");
    }
    if (!values.isEmpty() && !regex.isEmpty()) {
      throw json.invalid(
          "invalid " + configName + ": precisely one of values and regexValues can be specified");
    }
    return new RuleCondition(
        field,
        values.isEmpty() ? null : List.copyOf(values),
        regex.isEmpty() ? null : List.copyOf(regex),
        headerName,
        null);
  }

  private RuleCondition plainValues(String field, JsonNode c, String configName, String at) {
    JsonNode config = required(c, configName, at);
    List<String> values = json.strings(config, "values", at + "." + configName + ".values");
    if (values.isEmpty()) {
      throw json.invalid("invalid " + configName + ": values cannot be empty");
    }
    return new RuleCondition(field, List.copyOf(values), null, null, null);
  }

  private RuleCondition queryString(JsonNode c, String at) {
    JsonNode config = required(c, "queryStringConfig", at);
    String path = at + ".queryStringConfig.values";
    List<JsonNode> pairs = json.objects(config, "values", path);
    if (pairs.isEmpty()) {
      throw json.invalid("invalid queryStringConfig: Values cannot be empty");
    }
    List<RuleCondition.QueryString> out = new ArrayList<>();
    for (JsonNode pair : pairs) {
      String value = json.text(pair, "value", path + ".value").orElse("");
      if (value.isEmpty()) {
        throw json.invalid("invalid queryStringConfig: value cannot be empty");
      }
      out.add(
          new RuleCondition.QueryString(json.text(pair, "key", path + ".key").orElse(null), value));
    }
    return new RuleCondition("query-string", null, null, null, List.copyOf(out));
  }
}
