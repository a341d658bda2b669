package dev.lbr.plan;

import dev.lbr.model.Action;
import dev.lbr.model.HealthCheck;
import dev.lbr.model.ListenerSpec;
import dev.lbr.model.LoadBalancerSpec;
import dev.lbr.model.LoadBalancerType;
import dev.lbr.model.TargetGroupSpec;
import java.util.List;
import java.util.Map;

/** Copy-and-change builders for the desired specs, so a test states only what it varies. */
public final class SpecBuilders {
  private SpecBuilders() {}

  public static Tg tg(TargetGroupSpec s) {
    return new Tg(s);
  }

  public static Lb lb(LoadBalancerSpec s) {
    return new Lb(s);
  }

  public static Ls listener(ListenerSpec s) {
    return new Ls(s);
  }

  public static final class Tg {
    private String resourceId, name, targetType, protocol, protocolVersion, ipAddressType, vpcId;
    private int port;
    private HealthCheck healthCheck;
    private Map<String, String> attributes, tags;

    Tg(TargetGroupSpec s) {
      resourceId = s.resourceId();
      name = s.name();
      targetType = s.targetType();
      protocol = s.protocol();
      protocolVersion = s.protocolVersion();
      port = s.port();
      ipAddressType = s.ipAddressType();
      vpcId = s.vpcId();
      healthCheck = s.healthCheck();
      attributes = s.attributes();
      tags = s.tags();
    }

    public Tg name(String v) {
      name = v;
      return this;
    }

    public Tg targetType(String v) {
      targetType = v;
      return this;
    }

    public Tg protocol(String v) {
      protocol = v;
      return this;
    }

    public Tg protocolVersion(String v) {
      protocolVersion = v;
      return this;
    }

    public Tg port(int v) {
      port = v;
      return this;
    }

    public Tg ipAddressType(String v) {
      ipAddressType = v;
      return this;
    }

    public Tg vpcId(String v) {
      vpcId = v;
      return this;
    }

    public Tg healthCheck(HealthCheck v) {
      healthCheck = v;
      return this;
    }

    public Tg attributes(Map<String, String> v) {
      attributes = v;
      return this;
    }

    public Tg tags(Map<String, String> v) {
      tags = v;
      return this;
    }

    public TargetGroupSpec build() {
      return new TargetGroupSpec(
          resourceId,
          name,
          targetType,
          protocol,
          protocolVersion,
          port,
          ipAddressType,
          vpcId,
          healthCheck,
          attributes,
          tags);
    }
  }

  public static final class Lb {
    private String name, scheme, ipAddressType;
    private LoadBalancerType type;
    private List<String> subnetIds, securityGroupIds;
    private Map<String, String> attributes, tags;

    Lb(LoadBalancerSpec s) {
      name = s.name();
      type = s.type();
      scheme = s.scheme();
      ipAddressType = s.ipAddressType();
      subnetIds = s.subnetIds();
      securityGroupIds = s.securityGroupIds();
      attributes = s.attributes();
      tags = s.tags();
    }

    public Lb name(String v) {
      name = v;
      return this;
    }

    public Lb type(LoadBalancerType v) {
      type = v;
      return this;
    }

    public Lb scheme(String v) {
      scheme = v;
      return this;
    }

    public Lb ipAddressType(String v) {
      ipAddressType = v;
      return this;
    }

    public Lb subnetIds(String... v) {
      subnetIds = List.of(v);
      return this;
    }

    public Lb attributes(Map<String, String> v) {
      attributes = v;
      return this;
    }

    public Lb tags(Map<String, String> v) {
      tags = v;
      return this;
    }

    public LoadBalancerSpec build() {
      return new LoadBalancerSpec(
          name, type, scheme, ipAddressType, subnetIds, securityGroupIds, attributes, tags);
    }
  }

  public static final class Ls {
    private final ListenerSpec base;
    private String protocol, sslPolicy, alpnPolicy;
    private List<String> certificateArns;
    private List<Action> defaultActions;

    Ls(ListenerSpec s) {
      base = s;
      protocol = s.protocol();
      sslPolicy = s.sslPolicy();
      alpnPolicy = s.alpnPolicy();
      certificateArns = s.certificateArns();
      defaultActions = s.defaultActions();
    }

    public Ls protocol(String v) {
      protocol = v;
      return this;
    }

    public Ls certificates(String... v) {
      certificateArns = List.of(v);
      return this;
    }

    public Ls sslPolicy(String v) {
      sslPolicy = v;
      return this;
    }

    public Ls alpnPolicy(String v) {
      alpnPolicy = v;
      return this;
    }

    public Ls defaultActions(Action... v) {
      defaultActions = List.of(v);
      return this;
    }

    public ListenerSpec build() {
      return new ListenerSpec(
          base.port(),
          protocol,
          certificateArns,
          sslPolicy,
          alpnPolicy,
          defaultActions,
          base.rules(),
          base.tags());
    }
  }
}
