package dev.lbr.describe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.model.Action;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.TargetGroupRef;
import java.util.List;
import java.util.Map;

/** Actions and conditions in ELBv2's API shape, with target groups named by key, not ARN. */
final class ActionView {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ActionView() {}

  static ArrayNode actions(List<Action> actions, Map<String, String> keyByArn) {
    ArrayNode array = F.arrayNode();
    for (Action action : actions) {
      ObjectNode node = array.addObject();
      switch (action) {
        case Action.Forward f
            when f.targetGroups().size() == 1 && f.targetGroups().get(0).weight() == null -> {
          node.put("Type", "forward");
          node.put("TargetGroup", key(f.targetGroups().get(0).targetGroup(), keyByArn));
        }
        case Action.Forward f -> {
          node.put("Type", "forward");
          ObjectNode config = node.putObject("ForwardConfig");
          ArrayNode groups = config.putArray("TargetGroups");
          f.targetGroups()
              .forEach(
                  w -> {
                    ObjectNode g = groups.addObject();
                    g.put("TargetGroup", key(w.targetGroup(), keyByArn));
                    if (w.weight() != null) {
                      g.put("Weight", w.weight());
                    }
                  });
          ObjectNode stickiness = config.putObject("TargetGroupStickinessConfig");
          stickiness.put("Enabled", f.stickinessDurationSeconds() != null);
          if (f.stickinessDurationSeconds() != null) {
            stickiness.put("DurationSeconds", f.stickinessDurationSeconds());
          }
        }
        case Action.FixedResponse r -> {
          node.put("Type", "fixed-response");
          ObjectNode config = node.putObject("FixedResponseConfig");
          putIfSet(config, "StatusCode", r.statusCode());
          putIfSet(config, "ContentType", r.contentType());
          putIfSet(config, "MessageBody", r.messageBody());
        }
        case Action.Redirect r -> {
          node.put("Type", "redirect");
          ObjectNode config = node.putObject("RedirectConfig");
          putIfSet(config, "Protocol", r.protocol());
          putIfSet(config, "Port", r.port());
          putIfSet(config, "Host", r.host());
          putIfSet(config, "Path", r.path());
          putIfSet(config, "Query", r.query());
          putIfSet(config, "StatusCode", r.statusCode());
        }
      }
    }
    return array;
  }

  static ArrayNode conditions(List<RuleCondition> conditions) {
    ArrayNode array = F.arrayNode();
    for (RuleCondition c : conditions) {
      ObjectNode node = array.addObject();
      node.put("Field", c.field());
      String config =
          switch (c.field()) {
            case "host-header" -> "HostHeaderConfig";
            case "path-pattern" -> "PathPatternConfig";
            case "http-header" -> "HttpHeaderConfig";
            case "http-request-method" -> "HttpRequestMethodConfig";
            case "query-string" -> "QueryStringConfig";
            case "source-ip" -> "SourceIpConfig";
            default -> "Config";
          };
      ObjectNode body = node.putObject(config);
      if (c.httpHeaderName() != null) {
        body.put("HttpHeaderName", c.httpHeaderName());
      }
      if (c.values() != null && !c.values().isEmpty()) {
        body.set("Values", F.arrayNode().addAll(c.values().stream().map(F::textNode).toList()));
      }
      if (c.regexValues() != null && !c.regexValues().isEmpty()) {
        body.set(
            "RegexValues",
            F.arrayNode().addAll(c.regexValues().stream().map(F::textNode).toList()));
      }
      if (c.queryStrings() != null && !c.queryStrings().isEmpty()) {
        ArrayNode qs = body.putArray("Values");
        c.queryStrings().forEach(q -> qs.addObject().put("Key", q.key()).put("Value", q.value()));
      }
    }
    return array;
  }

  private static String key(TargetGroupRef ref, Map<String, String> keyByArn) {
    if (ref.arn() != null) {
      return keyByArn.getOrDefault(ref.arn(), ref.arn());
    }
    return "tg:" + ref.resourceId();
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
