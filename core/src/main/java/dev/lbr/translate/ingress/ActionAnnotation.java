package dev.lbr.translate.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.model.Action;
import dev.lbr.translate.common.Annotations;
import dev.lbr.translate.common.ElbLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code actions.<name>} (LBC {@code config_types.go Action} and {@code buildActionViaAnnotation}):
 * {@code fixed-response}, {@code redirect}, or {@code forward} in the simplified schema ({@code
 * targetGroupARN}) or the advanced one ({@code forwardConfig} with weighted Service ports and ARNs,
 * and stickiness). Validated as LBC does, plus ALB's limits.
 */
final class ActionAnnotation {
  static final int MAX_TARGET_GROUPS_PER_FORWARD = ElbLimits.TARGET_GROUPS_PER_ACTION;
  static final int MAX_WEIGHT = 999;
  static final int MAX_STICKINESS_SECONDS = 604800;
  private static final Pattern FIXED_STATUS = Pattern.compile("[245][0-9][0-9]");
  private static final List<String> REDIRECT_STATUS = List.of("HTTP_301", "HTTP_302");

  private final JsonAnnotation json;

  private ActionAnnotation(Annotations annotations, String actionName) {
    this.json = new JsonAnnotation(annotations, IngressAnnotation.ACTIONS_PREFIX + actionName);
  }

  /** The action named {@code actionName}; empty when the Ingress has no such annotation. */
  static Optional<BackendAction> parse(Annotations annotations, String actionName) {
    ActionAnnotation a = new ActionAnnotation(annotations, actionName);
    return a.json.parse().map(a::action);
  }

  private BackendAction action(JsonNode root) {
    if (!root.isObject()) {
      throw json.invalid("an action must be a JSON object with a \"type\"");
    }
    String type = json.text(root, "type", "type").orElse("");
    return switch (type) {
      case "fixed-response" -> fixedResponse(root);
      case "redirect" -> redirect(root);
      case "forward" -> forward(root);
      default -> throw json.invalid("unknown action type: \"" + type + "\"");
    };
  }

  private BackendAction fixedResponse(JsonNode root) {
    Config config = config(root, "fixedResponseConfig", "FixedResponseConfig");
    JsonNode c = config.node();
    String status = config.statusCode();
    if (!FIXED_STATUS.matcher(status).matches()) {
      throw json.invalid(
          "fixedResponseConfig.statusCode \"" + status + "\" is not a 2XX, 4XX or 5XX code");
    }
    String contentType =
        json.text(c, "contentType", "fixedResponseConfig.contentType").orElse(null);
    String body = json.text(c, "messageBody", "fixedResponseConfig.messageBody").orElse(null);
    refuse(ActionValues.contentType(contentType).or(() -> ActionValues.messageBody(body)));
    return new BackendAction.Ready(new Action.FixedResponse(status, contentType, body));
  }

  private BackendAction redirect(JsonNode root) {
    Config config = config(root, "redirectConfig", "RedirectConfig");
    JsonNode c = config.node();
    String status = config.statusCode();
    if (!REDIRECT_STATUS.contains(status)) {
      throw json.invalid(
          "redirectConfig.statusCode must be HTTP_301 or HTTP_302, got \"" + status + "\"");
    }
    Action.Redirect redirect =
        new Action.Redirect(
            json.text(c, "protocol", "redirectConfig.protocol").orElse(null),
            json.text(c, "port", "redirectConfig.port").orElse(null),
            json.text(c, "host", "redirectConfig.host").orElse(null),
            json.text(c, "path", "redirectConfig.path").orElse(null),
            json.text(c, "query", "redirectConfig.query").orElse(null),
            status);
    refuse(
        ActionValues.redirectProtocol(redirect.protocol())
            .or(() -> ActionValues.redirectPort(redirect.port()))
            .or(() -> ActionValues.redirectComponent("host", redirect.host()))
            .or(() -> ActionValues.redirectComponent("path", redirect.path()))
            .or(() -> ActionValues.redirectComponent("query", redirect.query())));
    return new BackendAction.Ready(redirect);
  }

  /** An action's config object and its required statusCode. */
  private record Config(JsonNode node, String statusCode) {}

  /** The config {@code field} ({@code name} in LBC's messages), which must have a statusCode. */
  private Config config(JsonNode root, String field, String name) {
    JsonNode c = json.object(root, field, field);
    if (c == null) {
      throw json.invalid("missing " + name);
    }
    String status = json.text(c, "statusCode", field + ".statusCode").orElse("");
    if (status.isEmpty()) {
      throw json.invalid("invalid " + name + ": statusCode is required");
    }
    return new Config(c, status);
  }

  private void refuse(Optional<String> problem) {
    problem.ifPresent(
        p -> {
          throw json.invalid(p);
        });
  }

  private BackendAction forward(JsonNode root) {
    Optional<String> arn = json.text(root, "targetGroupARN", "targetGroupARN");
    Optional<String> name = json.text(root, "targetGroupName", "targetGroupName");
    JsonNode config = json.object(root, "forwardConfig", "forwardConfig");
    if (arn.isEmpty() && name.isEmpty() && config == null) {
      throw json.invalid("missing ForwardConfig or TargetGroupARN/TargetGroupName");
    }
    if ((arn.isPresent() || name.isPresent()) && config != null) {
      throw json.invalid("either ForwardConfig or TargetGroupARN/TargetGroupName can be specified");
    }
    if (config == null) {
      rejectName(name, "targetGroupName");
      refuse(ActionValues.targetGroupArn("targetGroupARN", arn.orElse(null)));
      return new BackendAction.Forward(
          List.of(new BackendAction.Tuple(arn.get(), null, null, null)), null);
    }
    List<JsonNode> raw = json.objects(config, "targetGroups", "forwardConfig.targetGroups");
    if (raw.isEmpty()) {
      throw json.invalid("invalid ForwardConfig: targetGroups cannot be empty");
    }
    if (raw.size() > MAX_TARGET_GROUPS_PER_FORWARD) {
      throw json.invalid(
          "a forward action can have at most "
              + MAX_TARGET_GROUPS_PER_FORWARD
              + " target groups (ALB limit), got "
              + raw.size());
    }
    List<BackendAction.Tuple> tuples = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      tuples.add(tuple(raw.get(i), "forwardConfig.targetGroups[" + i + "]", raw.size() > 1));
    }
    return new BackendAction.Forward(tuples, stickiness(config));
  }

  private BackendAction.Tuple tuple(JsonNode t, String path, boolean weighted) {
    Optional<String> arn = json.text(t, "targetGroupARN", path + ".targetGroupARN");
    Optional<String> name = json.text(t, "targetGroupName", path + ".targetGroupName");
    Optional<String> service = json.text(t, "serviceName", path + ".serviceName");
    JsonNode port = JsonAnnotation.field(t, "servicePort");
    Optional<Integer> weight = json.int32(t, "weight", path + ".weight");
    String prefix = "invalid ForwardConfig: invalid TargetGroupTuple " + path + ": ";
    if (arn.isEmpty() && name.isEmpty() && service.isEmpty()) {
      throw json.invalid(prefix + "missing serviceName or targetGroupARN/targetGroupName");
    }
    if ((arn.isPresent() || name.isPresent()) && service.isPresent()) {
      throw json.invalid(
          prefix + "either serviceName or targetGroupARN/targetGroupName can be specified");
    }
    if (service.isPresent() && port == null) {
      throw json.invalid(prefix + "missing servicePort");
    }
    if (port != null && !port.isTextual() && !(port.isIntegralNumber() && port.canConvertToInt())) {
      throw json.invalid(path + ".servicePort must be a port number or name, got " + port);
    }
    if (weighted && weight.isEmpty()) {
      throw json.invalid(
          "invalid ForwardConfig: weight must be set when route to multiple target groups");
    }
    if (weight.isPresent() && (weight.get() < 0 || weight.get() > MAX_WEIGHT)) {
      throw json.invalid(path + ".weight must be within [0, " + MAX_WEIGHT + "]: " + weight.get());
    }
    rejectName(name, path + ".targetGroupName");
    refuse(ActionValues.targetGroupArn(path + ".targetGroupARN", arn.orElse(null)));
    return new BackendAction.Tuple(
        arn.orElse(null),
        service.orElse(null),
        port == null ? null : port.asText(),
        weight.orElse(null));
  }

  private Integer stickiness(JsonNode config) {
    JsonNode s =
        json.object(
            config, "targetGroupStickinessConfig", "forwardConfig.targetGroupStickinessConfig");
    String path = "forwardConfig.targetGroupStickinessConfig";
    if (s == null || !json.bool(s, "enabled", path + ".enabled").orElse(false)) {
      return null;
    }
    int duration =
        json.int32(s, "durationSeconds", path + ".durationSeconds")
            .orElseThrow(
                () ->
                    json.invalid(path + ".durationSeconds is required when stickiness is enabled"));
    if (duration < 1 || duration > MAX_STICKINESS_SECONDS) {
      throw json.invalid(
          path
              + ".durationSeconds must be within [1, "
              + MAX_STICKINESS_SECONDS
              + "]: "
              + duration);
    }
    return duration;
  }

  private void rejectName(Optional<String> name, String path) {
    if (name.isPresent()) {
      throw json.invalid(
          path
              + ": forwarding to a target group by name is not supported yet (it"
              + " needs an AWS lookup); use targetGroupARN");
    }
  }
}
