package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbr.model.ClusterFacts;
import dev.lbr.model.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way the builder refuses a Service: the error names the Service and the annotation. */
class ServiceModelBuilderErrorTest {

  /** {@code annotation} is a suffix, or null when the error is about the Service itself. */
  record Case(
      String name,
      UnaryOperator<Fixtures.Svc> service,
      ClusterFacts facts,
      String annotation,
      String mentions) {
    Case(String name, UnaryOperator<Fixtures.Svc> service, String annotation, String mentions) {
      this(name, service, Fixtures.facts(), annotation, mentions);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesTheServiceNamingTheAnnotation(Case c) {
    String fullKey = c.annotation() == null ? null : ServiceAnnotation.key(c.annotation());
    assertThatThrownBy(
            () ->
                ServiceModelBuilder.build(
                    c.service().apply(Fixtures.service()).build(),
                    Fixtures.slices(),
                    Fixtures.nodes(),
                    c.facts()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.object()).isEqualTo("Service default/echo");
              assertThat(e.annotation()).isEqualTo(fullKey);
            })
        .hasMessageStartingWith("Service default/echo")
        .hasMessageContaining(fullKey == null ? "Service default/echo" : fullKey)
        .hasMessageContaining(c.mentions());
  }

  static Stream<Case> cases() {
    return Stream.of(
        // Target type.
        new Case(
            "instance mode on a port without a nodePort",
            s -> s.annotation(TARGET_TYPE, "instance"),
            null,
            "port 80 has no nodePort"),
        new Case(
            "the instance default (loadBalancerClass, no target type) without a nodePort",
            s -> s.annotation(TARGET_TYPE, null),
            null,
            "port 80 has no nodePort"),
        new Case(
            "instance mode, Local policy, without a healthCheckNodePort",
            s -> Fixtures.instanceService().local(null),
            null,
            "externalTrafficPolicy Local without spec.healthCheckNodePort"),
        new Case(
            "instance mode, a named healthcheck-port whose port has no nodePort",
            s ->
                Fixtures.instanceService()
                    .port("metrics", "TCP", 9090, "9090")
                    .annotation(HC_PORT, "metrics"),
            null,
            "port 9090 has no nodePort"),
        new Case(
            "unknown target type",
            s -> s.annotation(TARGET_TYPE, "pod"),
            TARGET_TYPE,
            "unknown target type \"pod\""),
        // Load balancer.
        new Case(
            "unknown scheme",
            s -> s.annotation(SCHEME, "public"),
            SCHEME,
            "unknown scheme \"public\""),
        new Case(
            "legacy internal that is not a boolean",
            s -> s.annotation(INTERNAL, "yes"),
            INTERNAL,
            "\"yes\" is not a boolean"),
        new Case(
            "a name over 32 characters",
            s -> s.annotation(NAME, "a-load-balancer-name-of-33-chars-"),
            NAME,
            "cannot be longer than 32 characters"),
        new Case(
            "a name with characters ELB refuses",
            s -> s.annotation(NAME, "my_nlb"),
            NAME,
            "not a valid load balancer name"),
        new Case(
            "unknown ip-address-type",
            s -> s.annotation(IP_ADDRESS_TYPE, "dualstack-without-public-ipv4"),
            IP_ADDRESS_TYPE,
            "unknown IP address type"),
        new Case(
            "an IPv6 Service on an ipv4 NLB",
            s -> s.ipFamilies("IPv6"),
            IP_ADDRESS_TYPE,
            "lb not dual-stack"),
        new Case(
            "a malformed attributes map",
            s -> s.annotation(LB_ATTRIBUTES, "deletion_protection.enabled"),
            LB_ATTRIBUTES,
            "not a list of key=value pairs"),
        new Case(
            "an unknown dns client routing policy",
            s -> s.annotation(LB_ATTRIBUTES, "dns_record.client_routing_policy=nearest"),
            LB_ATTRIBUTES,
            "invalid dns_record.client_routing_policy 'nearest'"),
        new Case(
            "cross-zone that is not a boolean",
            s -> s.annotation(CROSS_ZONE, "enabled"),
            CROSS_ZONE,
            "not a boolean"),
        new Case(
            "access-log-enabled that is not a boolean",
            s -> s.annotation(ACCESS_LOG_ENABLED, "on"),
            ACCESS_LOG_ENABLED,
            "not a boolean"),
        new Case(
            "deleting a Service whose NLB has deletion protection",
            s -> s.deleting().annotation(LB_ATTRIBUTES, "deletion_protection.enabled=true"),
            LB_ATTRIBUTES,
            "deletion_protection is enabled, cannot delete the service: echo"),
        // Subnets.
        new Case(
            "an unknown subnet ID",
            s -> s.annotation(SUBNETS, "subnet-public-a,subnet-missing"),
            SUBNETS,
            "subnet ID not found: subnet-missing"),
        new Case(
            "an unknown subnet Name",
            s -> s.annotation(SUBNETS, "nowhere"),
            SUBNETS,
            "subnet with Name tag not found: nowhere"),
        new Case(
            "two subnets in one AZ",
            s -> s.annotation(SUBNETS, "subnet-public-a,private-a"),
            SUBNETS,
            "multiple subnets in same Availability Zone ap-northeast-2a"),
        new Case(
            "an empty subnets annotation",
            s -> s.annotation(SUBNETS, " , "),
            SUBNETS,
            "unable to resolve at least one subnet"),
        new Case(
            "a subnet of another VPC",
            s -> s.annotation(SUBNETS, "subnet-elsewhere"),
            Fixtures.facts(
                List.of(
                    Fixtures.subnet(
                        "subnet-elsewhere", "vpc-other", "a", 250, Map.of("Name", "x")))),
            SUBNETS,
            "not in the cluster's VPC vpc-0example"),
        new Case(
            "no subnet to discover for an internal NLB",
            s -> s,
            Fixtures.facts(
                List.of(
                    Fixtures.subnet("subnet-1", "a", Map.of("kubernetes.io/role/elb", "1")),
                    Fixtures.subnet(
                        "subnet-2",
                        "b",
                        Map.of(
                            "kubernetes.io/role/internal-elb",
                            "1",
                            "kubernetes.io/cluster/other",
                            "owned")))),
            null,
            "couldn't auto-discover subnets: unable to discover at least one subnet for scheme"
                + " internal: evaluated 1 subnets of vpc-0example tagged"
                + " kubernetes.io/role/internal-elb=1 (or empty): 1 are tagged for other clusters"),
        new Case(
            "no subnet with enough free addresses for an internet-facing NLB",
            s -> s.annotation(SCHEME, "internet-facing"),
            Fixtures.facts(
                List.of(
                    Fixtures.subnet(
                        "subnet-1", Fixtures.VPC, "a", 7, Map.of("kubernetes.io/role/elb", "")))),
            null,
            "scheme internet-facing: evaluated 1 subnets of vpc-0example tagged"
                + " kubernetes.io/role/elb=1 (or empty): 0 are tagged for other clusters, 1 have"
                + " fewer than 8 available IP addresses"),
        // Tags.
        new Case(
            "a malformed tags map",
            s -> s.annotation(ADDITIONAL_TAGS, "team"),
            ADDITIONAL_TAGS,
            "not a list of key=value pairs"),
        new Case(
            "a tag that would replace an ownership tag",
            s -> s.annotation(ADDITIONAL_TAGS, "elbv2.k8s.aws/cluster=other"),
            ADDITIONAL_TAGS,
            "tag elbv2.k8s.aws/cluster is set by the controller"),
        new Case(
            "a tag AWS reserves",
            s -> s.annotation(ADDITIONAL_TAGS, "aws:owner=me"),
            ADDITIONAL_TAGS,
            "prefix aws:"),
        // Listeners.
        new Case(
            "an ssl-ports entry that names no port",
            s -> s.annotation(SSL_CERT, "arn:cert").annotation(SSL_PORTS, "443"),
            SSL_PORTS,
            "unused port in ssl-ports annotation [443]"),
        new Case(
            "ssl-ports *, which LBC rejects",
            s -> s.annotation(SSL_CERT, "arn:cert").annotation(SSL_PORTS, "*"),
            SSL_PORTS,
            "* does not match any port"),
        new Case(
            "an unknown ALPN policy on a TLS listener",
            s -> s.annotation(SSL_CERT, "arn:cert").annotation(ALPN_POLICY, "HTTP3"),
            ALPN_POLICY,
            "invalid ALPN policy \"HTTP3\""),
        new Case(
            "two ports sharing a number without enable-tcp-udp-listener",
            s -> s.port("dns", "UDP", 80, "8080"),
            null,
            "service ports [80/TCP, 80/UDP] share port number 80: one listener per port number; set"
                + " service.beta.kubernetes.io/aws-load-balancer-enable-tcp-udp-listener"),
        new Case(
            "two ports sharing a number with enable-tcp-udp-listener false",
            s -> s.port("dns", "UDP", 80, "8080").annotation(ENABLE_TCP_UDP, "false"),
            ENABLE_TCP_UDP,
            "share port number 80: they need one TCP_UDP listener, and it is false"),
        new Case(
            "two ports sharing a number with an enable-tcp-udp-listener LBC cannot read",
            s -> s.port("dns", "UDP", 80, "8080").annotation(ENABLE_TCP_UDP, "yes"),
            ENABLE_TCP_UDP,
            "and \"yes\" is not a boolean, which LBC reads as unset"),
        new Case(
            "three ports sharing a number with enable-tcp-udp-listener",
            s ->
                s.port("dns", "UDP", 80, "8080")
                    .port("other", "SCTP", 80, "8080")
                    .annotation(ENABLE_TCP_UDP, "true"),
            ENABLE_TCP_UDP,
            "can only merge two ports, not 3"),
        new Case(
            "a TCP and an SCTP port sharing a number with enable-tcp-udp-listener",
            s -> s.port("other", "SCTP", 80, "8080").annotation(ENABLE_TCP_UDP, "true"),
            ENABLE_TCP_UDP,
            "unsupported protocol for merging: SCTP"),
        new Case(
            "an SCTP port",
            s -> s.clearPorts().port("sctp", "SCTP", 80, "8080"),
            null,
            "protocol SCTP, which NLB does not support"),
        new Case(
            "a targetPort out of range",
            s -> s.clearPorts().port("", "TCP", 80, "70000"),
            null,
            "targetPort 70000, which is not between 1 and 65535"),
        // Health checks.
        new Case(
            "an unknown health check protocol",
            s -> s.annotation(HC_PROTOCOL, "udp"),
            HC_PROTOCOL,
            "unsupported health check protocol \"udp\""),
        new Case(
            "a health check port that is no Service port",
            s -> s.annotation(HC_PORT, "metrics"),
            HC_PORT,
            "unable to find port metrics on service default/echo"),
        new Case(
            "a named health check port whose targetPort is named",
            s -> s.port("health", "TCP", 81, "health").annotation(HC_PORT, "health"),
            HC_PORT,
            "cannot use named healthCheckPort"),
        new Case(
            "a health check port out of range",
            s -> s.annotation(HC_PORT, "0"),
            HC_PORT,
            "port 0 is not between 1 and 65535"),
        new Case(
            "an interval below NLB's minimum",
            s -> s.annotation(HC_INTERVAL, "3"),
            HC_INTERVAL,
            "3 is out of range: NLB allows 5-300"),
        new Case(
            "an interval that is not a number",
            s -> s.annotation(HC_INTERVAL, "10s"),
            HC_INTERVAL,
            "\"10s\" is not an integer"),
        new Case(
            "a timeout above NLB's maximum",
            s -> s.annotation(HC_TIMEOUT, "121"),
            HC_TIMEOUT,
            "121 is out of range: NLB allows 2-120"),
        new Case(
            "a timeout above the interval",
            s -> s.annotation(HC_INTERVAL, "10").annotation(HC_TIMEOUT, "11"),
            HC_TIMEOUT,
            "the health check timeout (11 s) must not be greater than the interval (10 s)"),
        new Case(
            "an interval below the default timeout of 10 s",
            s -> s.annotation(HC_INTERVAL, "5"),
            HC_INTERVAL,
            "the health check timeout (10 s) must not be greater than the interval (5 s)"),
        new Case(
            "a timeout above the default interval of 10 s",
            s -> s.annotation(HC_TIMEOUT, "30"),
            HC_TIMEOUT,
            "the health check timeout (30 s) must not be greater than the interval (10 s)"),
        new Case(
            "an interval below the instance + Local default timeout of 6 s",
            s -> Fixtures.instanceService().local(32456).annotation(HC_INTERVAL, "5"),
            HC_INTERVAL,
            "the health check timeout (6 s) must not be greater than the interval (5 s)"),
        new Case(
            "a healthy threshold above 10",
            s -> s.annotation(HC_HEALTHY, "11"),
            HC_HEALTHY,
            "11 is out of range: NLB allows 2-10"),
        new Case(
            "an unhealthy threshold below 2",
            s -> s.annotation(HC_UNHEALTHY, "1"),
            HC_UNHEALTHY,
            "1 is out of range: NLB allows 2-10"),
        new Case(
            "malformed success codes",
            s -> s.annotation(HC_PROTOCOL, "http").annotation(HC_SUCCESS_CODES, "2xx"),
            HC_SUCCESS_CODES,
            "\"2xx\" is not a list of HTTP codes"),
        new Case(
            "success codes outside 200-599",
            s -> s.annotation(HC_PROTOCOL, "http").annotation(HC_SUCCESS_CODES, "100-399"),
            HC_SUCCESS_CODES,
            "code 100 is not between 200 and 599"),
        // Target group attributes.
        new Case(
            "a malformed target group attributes map",
            s -> s.annotation(TG_ATTRIBUTES, "a=1,=2"),
            TG_ATTRIBUTES,
            "not a list of key=value pairs"),
        new Case(
            "preserve_client_ip that is not a boolean",
            s -> s.annotation(TG_ATTRIBUTES, "preserve_client_ip.enabled=maybe"),
            TG_ATTRIBUTES,
            "preserve_client_ip.enabled=maybe is not a boolean"),
        new Case(
            "preserve_client_ip that is not a boolean, per port",
            s -> s.annotation(TG_ATTRIBUTES + ".80", "preserve_client_ip.enabled=maybe"),
            TG_ATTRIBUTES + ".80",
            "is not a boolean"),
        new Case(
            "proxy-protocol other than *",
            s -> s.annotation(PROXY_PROTOCOL, "true"),
            PROXY_PROTOCOL,
            "the only value supported is *"),
        new Case(
            "proxy-protocol-per-target-group with a port that is no number",
            s -> s.annotation(PROXY_PROTOCOL_PER_TG, "80,https"),
            PROXY_PROTOCOL_PER_TG,
            "invalid port number \"https\""),
        // Security groups.
        new Case(
            "a source range that is no CIDR",
            s -> s.annotation(SOURCE_RANGES, "10.0.0.0/33"),
            SOURCE_RANGES,
            "\"10.0.0.0/33\" is not a CIDR"),
        new Case(
            "an IPv6 source range on an ipv4 NLB",
            s -> s.sourceRanges("2001:db8::/32"),
            null,
            "spec.loadBalancerSourceRanges: unsupported v6 cidr 2001:db8::/32 when lb is not"
                + " dualstack"),
        new Case(
            "a security group name that does not exist",
            s -> s.annotation(SECURITY_GROUPS, "sg-1, no-such-group"),
            SECURITY_GROUPS,
            "couldn't find all security groups: no security group named [no-such-group]"),
        // Not supported yet.
        new Case(
            "EIP allocations",
            s -> s.annotation(EIP_ALLOCATIONS, "eipalloc-1"),
            EIP_ALLOCATIONS,
            "not supported yet"),
        new Case(
            "private IPv4 addresses",
            s -> s.annotation(PRIVATE_IPV4_ADDRESSES, "192.168.0.10"),
            PRIVATE_IPV4_ADDRESSES,
            "not supported yet"),
        new Case(
            "IPv6 addresses",
            s -> s.annotation(IPV6_ADDRESSES, "2600::1"),
            IPV6_ADDRESSES,
            "not supported yet"),
        new Case(
            "source NAT IPv6 prefixes",
            s -> s.annotation(SOURCE_NAT_IPV6_PREFIXES, "auto"),
            SOURCE_NAT_IPV6_PREFIXES,
            "not supported yet"),
        new Case(
            "prefix for IPv6 source NAT on",
            s -> s.annotation(PREFIX_FOR_IPV6_SOURCE_NAT, "on"),
            PREFIX_FOR_IPV6_SOURCE_NAT,
            "only off is supported"),
        new Case(
            "minimum load balancer capacity",
            s -> s.annotation(MINIMUM_CAPACITY, "CapacityUnits=1000"),
            MINIMUM_CAPACITY,
            "not supported yet"),
        new Case(
            "QUIC ports",
            s -> s.annotation(QUIC_ENABLED_PORTS, "443"),
            QUIC_ENABLED_PORTS,
            "not supported yet"),
        new Case(
            "listener attributes",
            s -> s.annotation(LISTENER_ATTRIBUTES_PREFIX + "TCP-80", "tcp.idle_timeout.seconds=60"),
            LISTENER_ATTRIBUTES_PREFIX + "TCP-80",
            "setting listener attributes is not supported yet"),
        new Case(
            "weighted listener actions",
            s -> s.annotation(ACTIONS_PREFIX + "TCP-80", "{}"),
            ACTIONS_PREFIX + "TCP-80",
            "a listener action (weighted target groups) is not supported yet"),
        new Case(
            "multi-cluster target groups",
            s -> s.annotation(MULTI_CLUSTER_TG, "true"),
            MULTI_CLUSTER_TG,
            "sharing target groups between clusters is not supported yet"),
        new Case(
            "a bad inbound-sg-rules-on-private-link value",
            s -> s.annotation(SG_RULES_ON_PRIVATE_LINK, "yes"),
            SG_RULES_ON_PRIVATE_LINK,
            "must be on or off"),
        new Case(
            "a disable-nlb-sg that is not a boolean",
            s -> s.annotation(DISABLE_NLB_SG, "please"),
            DISABLE_NLB_SG,
            "not a boolean"));
  }

  @Test
  void instanceModeRefusesAClusterIpService() {
    // Not ours (type LoadBalancer only), so build() gives an empty stack; the resolver still
    // refuses.
    var svc = Fixtures.instanceService().type("ClusterIP").build();
    assertThat(
            ServiceModelBuilder.build(svc, List.of(), Fixtures.nodes(), Fixtures.facts())
                .loadBalancer())
        .isEmpty();
    assertThatThrownBy(() -> TargetTypeResolver.resolve(ServiceContext.of(svc, Fixtures.facts())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("Service default/echo")
        .hasMessageContaining("unsupported service type \"ClusterIP\" for target type instance");
  }

  @Test
  void theTargetsOnlyPathRefusesAMissingNodePortToo() {
    var svc = Fixtures.service().annotation(TARGET_TYPE, "instance").build();
    assertThatThrownBy(() -> ServiceModelBuilder.targets(svc, List.of(), Fixtures.nodes()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "Service default/echo: port 80 has no nodePort: instance targets need a NodePort or"
                + " LoadBalancer Service with node ports allocated");
  }
}
