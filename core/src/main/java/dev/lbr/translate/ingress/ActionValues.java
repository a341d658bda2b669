package dev.lbr.translate.ingress;

import dev.lbr.translate.common.ElbLimits;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a fixed-response, redirect or forward action as ELBv2 takes them (the {@code
 * FixedResponseActionConfig}, {@code RedirectActionConfig} and {@code TargetGroupTuple} limits).
 * Each check returns the problem, naming the field and what is allowed, or empty.
 */
final class ActionValues {
  static final List<String> CONTENT_TYPES =
      List.of("text/plain", "text/css", "text/html", "application/javascript", "application/json");
  static final List<String> REDIRECT_PROTOCOLS = List.of("HTTP", "HTTPS", "#{protocol}");
  static final int REDIRECT_COMPONENT_LENGTH = 128;
  private static final Pattern TARGET_GROUP_ARN =
      Pattern.compile(
          "arn:aws[-a-z]*:elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:targetgroup/"
              + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?/[0-9a-f]+");

  private ActionValues() {}

  static Optional<String> contentType(String contentType) {
    return oneOf("fixedResponseConfig.contentType", contentType, CONTENT_TYPES);
  }

  static Optional<String> messageBody(String body) {
    return atMost("fixedResponseConfig.messageBody", body, ElbLimits.FIXED_RESPONSE_BODY_LENGTH);
  }

  static Optional<String> redirectProtocol(String protocol) {
    return oneOf("redirectConfig.protocol", protocol, REDIRECT_PROTOCOLS);
  }

  static Optional<String> redirectPort(String port) {
    if (port == null || port.equals("#{port}")) {
      return Optional.empty();
    }
    boolean number = port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1;
    if (number && Integer.parseInt(port) <= 65535) {
      return Optional.empty();
    }
    return Optional.of(
        "redirectConfig.port \"" + port + "\" must be a port from 1 to 65535 or #{port}");
  }

  /** Host, path and query: at most 128 characters; a path starts with {@code /}. */
  static Optional<String> redirectComponent(String field, String value) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<String> tooLong = atMost("redirectConfig." + field, value, REDIRECT_COMPONENT_LENGTH);
    if (tooLong.isPresent()) {
      return tooLong;
    }
    if (field.equals("path") && !value.startsWith("/")) {
      return Optional.of("redirectConfig.path \"" + value + "\" must start with /");
    }
    return Optional.empty();
  }

  static Optional<String> targetGroupArn(String field, String arn) {
    if (arn == null || TARGET_GROUP_ARN.matcher(arn).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        field
            + " \""
            + arn
            + "\" is not a target group ARN"
            + " (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)");
  }

  /** Empty when the value is absent or one of {@code allowed}. */
  private static Optional<String> oneOf(String field, String value, List<String> allowed) {
    return value == null || allowed.contains(value)
        ? Optional.empty()
        : Optional.of(field + " \"" + value + "\" must be one of " + allowed);
  }

  /** Empty when the value is absent or at most {@code max} characters long. */
  private static Optional<String> atMost(String field, String value, int max) {
    return value == null || value.length() <= max
        ? Optional.empty()
        : Optional.of(
            field + " is " + value.length() + " characters long; at most " + max + " are allowed");
  }
}
