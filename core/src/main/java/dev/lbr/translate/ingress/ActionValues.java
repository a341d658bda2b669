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
    if (contentType == null || CONTENT_TYPES.contains(contentType)) {
      return Optional.empty();
    }
    return Optional.of(
        "fixedResponseConfig.contentType \"" + contentType + "\" must be one of " + CONTENT_TYPES);
  }

  static Optional<String> messageBody(String body) {
    if (body == null || body.length() <= ElbLimits.FIXED_RESPONSE_BODY_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(
        "fixedResponseConfig.messageBody is "
            + body.length()
            + " characters long; at most "
            + ElbLimits.FIXED_RESPONSE_BODY_LENGTH
            + " are allowed");
  }

  static Optional<String> redirectProtocol(String protocol) {
    if (protocol == null || REDIRECT_PROTOCOLS.contains(protocol)) {
      return Optional.empty();
    }
    return Optional.of(
        "redirectConfig.protocol \"" + protocol + "\" must be one of " + REDIRECT_PROTOCOLS);
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
    if (value.length() > REDIRECT_COMPONENT_LENGTH) {
      return Optional.of(
          "redirectConfig."
              + field
              + " is "
              + value.length()
              + " characters long; at most "
              + REDIRECT_COMPONENT_LENGTH
              + " are allowed");
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
}
