package dev.lbr.translate.ingress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sIngress;
import dev.lbr.k8s.K8sService;
import dev.lbr.model.Action;
import dev.lbr.model.DesiredStack;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.RuleCondition;
import dev.lbr.model.RuleSpec;
import dev.lbr.model.TargetGroupRef;
import dev.lbr.model.TargetGroupSpec;
import java.util.List;
import java.util.Map;

/**
 * A desired ALB stack in the acceptance scenarios' expected shape (shared/scenarios/README.md):
 * ELBv2 API field names, target groups keyed {@code tg:<svc ns>/<svc name>:<service port>}.
 */
record ScenarioShape(DesiredStack stack, List<K8sIngress> ingresses, Map<String, K8sService> svcs) {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  ObjectNode loadBalancer() {
    LoadBalancerSpec lb = stack.loadBalancer().orElseThrow();
    ObjectNode node = NODES.objectNode();
    node.put("stack", stack.id().name());
    node.put("name", lb.name());
    node.put("type", lb.type().api());
    node.put("scheme", lb.scheme());
    node.put("ipAddressType", lb.ipAddressType());
    node.set("attributes", Json.mapper().valueToTree(lb.attributes()));
    ArrayNode listeners = node.putArray("listeners");
    for (ListenerSpec ls : stack.listeners()) {
      ObjectNode l = listeners.addObject();
      l.put("port", ls.port());
      l.put("protocol", ls.protocol());
      l.set("certificates", Json.mapper().valueToTree(ls.certificateArns()));
      l.put("sslPolicy", ls.sslPolicy());
      ArrayNode defaults = l.putArray("defaultActions");
      ls.defaultActions().forEach(a -> defaults.add(action(a)));
      ArrayNode rules = l.putArray("rules");
      for (RuleSpec r : ls.rules()) {
        ObjectNode rule = rules.addObject();
        rule.put("priority", r.priority());
        ArrayNode conditions = rule.putArray("conditions");
        r.conditions().forEach(c -> conditions.add(condition(c)));
        ArrayNode actions = rule.putArray("actions");
        r.actions().forEach(a -> actions.add(action(a)));
      }
    }
    return node;
  }

  ObjectNode targetGroup(TargetGroupSpec tg) {
    ObjectNode node = NODES.objectNode();
    node.put("key", key(TargetGroupRef.managed(tg.resourceId())));
    node.put("protocol", tg.protocol());
    node.put("port", tg.port());
    node.put("targetType", tg.targetType());
    node.set("healthCheck", Json.mapper().valueToTree(tg.healthCheck()));
    node.set("attributes", Json.mapper().valueToTree(tg.attributes()));
    node.set("targets", Json.mapper().valueToTree(stack.targets().get(tg.resourceId())));
    return node;
  }

  private ObjectNode action(Action a) {
    ObjectNode node = NODES.objectNode();
    switch (a) {
      case Action.FixedResponse f -> {
        node.put("Type", "fixed-response");
        ObjectNode c = node.putObject("FixedResponseConfig");
        c.put("StatusCode", f.statusCode());
        c.put("ContentType", f.contentType());
        c.put("MessageBody", f.messageBody());
      }
      case Action.Redirect r -> {
        node.put("Type", "redirect");
        ObjectNode c = node.putObject("RedirectConfig");
        c.put("Protocol", r.protocol());
        c.put("Port", r.port());
        c.put("Host", r.host());
        c.put("Path", r.path());
        c.put("Query", r.query());
        c.put("StatusCode", r.statusCode());
      }
      case Action.Forward f -> {
        node.put("Type", "forward");
        if (f.targetGroups().size() == 1 && f.targetGroups().get(0).weight() == null) {
          node.put("TargetGroup", key(f.targetGroups().get(0).targetGroup()));
        } else {
          ObjectNode c = node.putObject("ForwardConfig");
          ArrayNode groups = c.putArray("TargetGroups");
          f.targetGroups()
              .forEach(
                  w ->
                      groups
                          .addObject()
                          .put("TargetGroup", key(w.targetGroup()))
                          .put("Weight", w.weight()));
          ObjectNode s = c.putObject("TargetGroupStickinessConfig");
          s.put("Enabled", f.stickinessDurationSeconds() != null);
          s.put("DurationSeconds", f.stickinessDurationSeconds());
        }
      }
    }
    return node;
  }

  private static ObjectNode condition(RuleCondition c) {
    ObjectNode node = NODES.objectNode();
    node.put("Field", c.field());
    String config =
        switch (c.field()) {
          case "host-header" -> "HostHeaderConfig";
          case "path-pattern" -> "PathPatternConfig";
          case "http-header" -> "HttpHeaderConfig";
          case "http-request-method" -> "HttpRequestMethodConfig";
          case "source-ip" -> "SourceIpConfig";
          default -> "QueryStringConfig";
        };
    ObjectNode cfg = node.putObject(config);
    if (c.values() != null) {
      cfg.set("Values", Json.mapper().valueToTree(c.values()));
    }
    if (c.regexValues() != null) {
      cfg.set("RegexValues", Json.mapper().valueToTree(c.regexValues()));
    }
    return node;
  }

  /** {@code tg:<svc ns>/<svc name>:<port number>} of one of the stack's target groups. */
  private String key(TargetGroupRef ref) {
    if (ref.arn() != null) {
      return ref.arn();
    }
    for (K8sIngress ing : ingresses) {
      for (K8sService svc : svcs.values()) {
        String prefix = ing.metadata().key() + "-" + svc.metadata().name() + ":";
        if (svc.metadata().namespace().equals(ing.metadata().namespace())
            && ref.resourceId().startsWith(prefix)) {
          String port = ref.resourceId().substring(prefix.length());
          for (K8sService.Port p : svc.spec().ports()) {
            if (p.name().equals(port) || Integer.toString(p.port()).equals(port)) {
              return "tg:" + svc.metadata().key() + ":" + p.port();
            }
          }
        }
      }
    }
    throw new AssertionError("no Service for target group " + ref.resourceId());
  }
}
