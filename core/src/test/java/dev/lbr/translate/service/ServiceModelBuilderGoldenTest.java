package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lbr.k8s.K8sEndpointSlice;
import dev.lbr.k8s.K8sNode;
import dev.lbr.model.ClusterFacts;
import dev.lbr.model.Subnet;
import dev.lbr.translate.common.MergePatch;
import dev.lbr.translate.common.StackJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests in the style of LBC's {@code model_builder_test.go}: each case's expected stack is
 * {@code translate/service/nlb-base.json} (the base Service's stack) with a JSON merge patch
 * applied. The instance-mode cases are in {@link InstanceModeCases}.
 */
class ServiceModelBuilderGoldenTest {

  record Case(
      String name,
      UnaryOperator<Fixtures.Svc> service,
      List<K8sEndpointSlice> slices,
      List<K8sNode> nodes,
      ClusterFacts facts,
      String patch) {
    Case(String name, UnaryOperator<Fixtures.Svc> service, String patch) {
      this(name, service, Fixtures.slices(), Fixtures.facts(), patch);
    }

    Case(
        String name,
        UnaryOperator<Fixtures.Svc> service,
        List<K8sEndpointSlice> slices,
        ClusterFacts facts,
        String patch) {
      this(name, service, slices, Fixtures.nodes(), facts, patch);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static JsonNode base() {
    try (InputStream in =
        ServiceModelBuilderGoldenTest.class.getResourceAsStream(
            "/translate/service/nlb-base.json")) {
      return StackJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode actual(Case c) {
    return StackJson.normalized(
        ServiceModelBuilder.build(
            c.service().apply(Fixtures.service()).build(), c.slices(), c.nodes(), c.facts()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    JsonNode expected = MergePatch.apply(base(), StackJson.parse(c.patch()));
    JsonNode actual = actual(c);
    if (!c.patch().contains("securityGroup") && !c.name().startsWith("the base Service")) {
      // the managed security group follows the ports and ranges: ServiceSecurityGroupsTest
      ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("securityGroup");
      ((com.fasterxml.jackson.databind.node.ObjectNode) actual).remove("securityGroup");
    }
    assertThat(StackJson.pretty(actual)).isEqualTo(StackJson.pretty(expected));
  }

  @Test
  void theSameInputGivesByteIdenticalOutputWhateverTheAnnotationOrder() {
    Fixtures.Svc forward =
        Fixtures.service()
            .annotation(ADDITIONAL_TAGS, "b=2,a=1,c=3")
            .annotation(
                TG_ATTRIBUTES, "stickiness.enabled=true,deregistration_delay.timeout_seconds=30")
            .annotation(
                LB_ATTRIBUTES,
                "load_balancing.cross_zone.enabled=true,deletion_protection.enabled=false")
            .annotation(SSL_CERT, "arn:2,arn:1")
            .port("b", "TCP", 82, "8080")
            .port("a", "TCP", 81, "8080");
    Fixtures.Svc backward =
        Fixtures.service()
            .annotation(SSL_CERT, "arn:2,arn:1")
            .annotation(
                LB_ATTRIBUTES,
                "load_balancing.cross_zone.enabled=true,deletion_protection.enabled=false")
            .annotation(
                TG_ATTRIBUTES, "stickiness.enabled=true,deregistration_delay.timeout_seconds=30")
            .annotation(ADDITIONAL_TAGS, "b=2,a=1,c=3")
            .port("b", "TCP", 82, "8080")
            .port("a", "TCP", 81, "8080");
    String first =
        StackJson.string(
            ServiceModelBuilder.build(
                forward.build(), Fixtures.slices(), List.of(), Fixtures.facts()));
    String second =
        StackJson.string(
            ServiceModelBuilder.build(
                forward.build(), Fixtures.slices(), List.of(), Fixtures.facts()));
    String third =
        StackJson.string(
            ServiceModelBuilder.build(
                backward.build(), Fixtures.slices(), List.of(), Fixtures.facts()));
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
  }

  static Stream<Case> cases() {
    return Stream.concat(ipCases(), InstanceModeCases.cases());
  }

  static Stream<Case> ipCases() {
    return Stream.of(
        new Case("the base Service gives the base stack", s -> s, "{}"),
        // Ownership and target type.
        new Case(
            "type nlb-ip without a loadBalancerClass is ours, in ip mode",
            s -> s.lbClass(null).annotation(TARGET_TYPE, null).annotation(LB_TYPE, "nlb-ip"),
            "{}"),
        new Case(
            "type external with target type ip is ours",
            s -> s.lbClass(null).annotation(LB_TYPE, "external"),
            "{}"),
        new Case("a Service being deleted has an empty stack", Fixtures.Svc::deleting, EMPTY),
        new Case(
            "a Service with another loadBalancerClass has an empty stack",
            s -> s.lbClass("example.com/other"),
            EMPTY),
        new Case("a ClusterIP Service has an empty stack", s -> s.type("ClusterIP"), EMPTY),
        // Scheme, name, IP address type.
        new Case(
            "scheme internet-facing uses the public subnets and renames the NLB",
            s -> s.annotation(SCHEME, "internet-facing"),
            """
            {
              "loadBalancer": {
                "name": "k8s-default-echo-f6359b9bcf",
                "scheme": "internet-facing",
                "subnetIds": [
                  "subnet-public-a",
                  "subnet-public-b",
                  "subnet-public-c"
                ]
              }
            }
            """),
        new Case(
            "legacy internal false means internet-facing",
            s -> s.annotation(INTERNAL, "false"),
            """
            {
              "loadBalancer": {
                "name": "k8s-default-echo-f6359b9bcf",
                "scheme": "internet-facing",
                "subnetIds": [
                  "subnet-public-a",
                  "subnet-public-b",
                  "subnet-public-c"
                ]
              }
            }
            """),
        new Case(
            "the scheme annotation wins over the legacy internal one",
            s -> s.annotation(SCHEME, "internal").annotation(INTERNAL, "false"),
            "{}"),
        new Case(
            "aws-load-balancer-name names the NLB",
            s -> s.annotation(NAME, "my-nlb"),
            """
            {
              "loadBalancer": {
                "name": "my-nlb"
              }
            }
            """),
        new Case(
            "ip-address-type dualstack",
            s -> s.annotation(IP_ADDRESS_TYPE, "dualstack"),
            """
            {
              "loadBalancer": {
                "ipAddressType": "dualstack"
              }
            }
            """),
        new Case(
            "an IPv6 Service on a dualstack NLB gets ipv6 target groups and IPv6 endpoints",
            s -> s.annotation(IP_ADDRESS_TYPE, "dualstack").ipFamilies("IPv6"),
            withIpv6Slice(),
            Fixtures.facts(),
            """
            {
              "loadBalancer": {
                "ipAddressType": "dualstack"
              },
              "targetGroups": {
                "default/echo:80": {
                  "ipAddressType": "ipv6"
                }
              },
              "targets": {
                "default/echo:80": [
                  {
                    "id": "fd00::10",
                    "port": 8080
                  }
                ]
              }
            }
            """),
        // Subnets.
        new Case(
            "subnets by ID keep the annotation's order",
            s -> s.annotation(SUBNETS, "subnet-public-c, subnet-private-a"),
            """
            {
              "loadBalancer": {
                "subnetIds": [
                  "subnet-public-c",
                  "subnet-private-a"
                ]
              }
            }
            """),
        new Case(
            "subnets by Name tag",
            s -> s.annotation(SUBNETS, "private-b,public-a"),
            """
            {
              "loadBalancer": {
                "subnetIds": [
                  "subnet-private-b",
                  "subnet-public-a"
                ]
              }
            }
            """),
        // Load balancer attributes.
        new Case(
            "aws-load-balancer-attributes",
            s ->
                s.annotation(
                    LB_ATTRIBUTES,
                    "deletion_protection.enabled=true,"
                        + " dns_record.client_routing_policy=availability_zone_affinity"),
            """
            {
              "loadBalancer": {
                "attributes": {
                  "deletion_protection.enabled": "true",
                  "dns_record.client_routing_policy": "availability_zone_affinity"
                }
              }
            }
            """),
        new Case(
            "cross-zone annotation wins over aws-load-balancer-attributes",
            s ->
                s.annotation(CROSS_ZONE, "true")
                    .annotation(LB_ATTRIBUTES, "load_balancing.cross_zone.enabled=false"),
            """
            {
              "loadBalancer": {
                "attributes": {
                  "load_balancing.cross_zone.enabled": "true"
                }
              }
            }
            """),
        new Case(
            "access log annotations",
            s ->
                s.annotation(ACCESS_LOG_ENABLED, "true")
                    .annotation(ACCESS_LOG_BUCKET, "nlb-bucket")
                    .annotation(ACCESS_LOG_PREFIX, "bkt-pfx"),
            """
            {
              "loadBalancer": {
                "attributes": {
                  "access_logs.s3.bucket": "nlb-bucket",
                  "access_logs.s3.enabled": "true",
                  "access_logs.s3.prefix": "bkt-pfx"
                }
              }
            }
            """),
        new Case(
            "access log bucket without access-log-enabled sets nothing",
            s -> s.annotation(ACCESS_LOG_BUCKET, "nlb-bucket"),
            "{}"),
        // Tags.
        new Case(
            "additional resource tags go on the NLB, listeners and target groups",
            s -> s.annotation(ADDITIONAL_TAGS, "team=web, cost-center=42"),
            """
            {
              "loadBalancer": {
                "tags": {
                  "cost-center": "42",
                  "team": "web"
                }
              },
              "targetGroups": {
                "default/echo:80": {
                  "tags": {
                    "cost-center": "42",
                    "team": "web"
                  }
                }
              },
              "listeners": {
                "80": {
                  "tags": {
                    "cost-center": "42",
                    "team": "web"
                  }
                }
              }
            }
            """),
        // Listeners.
        new Case(
            "an ssl-cert without ssl-ports makes every TCP port TLS",
            s -> s.annotation(SSL_CERT, "arn:cert-1, arn:cert-2"),
            """
            {
              "listeners": {
                "80": {
                  "protocol": "TLS",
                  "certificateArns": [
                    "arn:cert-1",
                    "arn:cert-2"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-2016-08"
                }
              }
            }
            """),
        new Case(
            "ssl-ports picks TLS ports by name or number",
            s ->
                s.clearPorts()
                    .port("http", "TCP", 80, "8080")
                    .port("https", "TCP", 443, "8080")
                    .port("admin", "TCP", 8443, "8080")
                    .annotation(SSL_CERT, "arn:cert-1")
                    .annotation(SSL_PORTS, "https, 8443"),
            """
            {
              "targetGroups": {
                "default/echo:443": {
                  "resourceId": "default/echo:443",
                  "name": "k8s-default-echo-0bfc206d4f",
                  "targetType": "ip",
                  "protocol": "TCP",
                  "port": 8080,
                  "ipAddressType": "ipv4",
                  "vpcId": "vpc-0example",
                  "healthCheck": {
                    "protocol": "TCP",
                    "port": "traffic-port",
                    "intervalSeconds": 10,
                    "timeoutSeconds": 10,
                    "healthyThreshold": 3,
                    "unhealthyThreshold": 3
                  },
                  "attributes": {
                    "proxy_protocol_v2.enabled": "false"
                  },
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "default/echo:443",
                    "service.k8s.aws/stack": "default/echo"
                  }
                },
                "default/echo:8443": {
                  "resourceId": "default/echo:8443",
                  "name": "k8s-default-echo-3006d5f468",
                  "targetType": "ip",
                  "protocol": "TCP",
                  "port": 8080,
                  "ipAddressType": "ipv4",
                  "vpcId": "vpc-0example",
                  "healthCheck": {
                    "protocol": "TCP",
                    "port": "traffic-port",
                    "intervalSeconds": 10,
                    "timeoutSeconds": 10,
                    "healthyThreshold": 3,
                    "unhealthyThreshold": 3
                  },
                  "attributes": {
                    "proxy_protocol_v2.enabled": "false"
                  },
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "default/echo:8443",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "listeners": {
                "443": {
                  "port": 443,
                  "protocol": "TLS",
                  "certificateArns": [
                    "arn:cert-1"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-2016-08",
                  "defaultActions": [
                    {
                      "type": "forward",
                      "targetGroups": [
                        {
                          "targetGroup": {
                            "resourceId": "default/echo:443"
                          }
                        }
                      ]
                    }
                  ],
                  "rules": [],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "443",
                    "service.k8s.aws/stack": "default/echo"
                  }
                },
                "8443": {
                  "port": 8443,
                  "protocol": "TLS",
                  "certificateArns": [
                    "arn:cert-1"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-2016-08",
                  "defaultActions": [
                    {
                      "type": "forward",
                      "targetGroups": [
                        {
                          "targetGroup": {
                            "resourceId": "default/echo:8443"
                          }
                        }
                      ]
                    }
                  ],
                  "rules": [],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "8443",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "targets": {
                "default/echo:443": [
                  {
                    "id": "10.0.1.10",
                    "port": 8080
                  },
                  {
                    "id": "10.0.2.20",
                    "port": 8080
                  }
                ],
                "default/echo:8443": [
                  {
                    "id": "10.0.1.10",
                    "port": 8080
                  },
                  {
                    "id": "10.0.2.20",
                    "port": 8080
                  }
                ]
              }
            }
            """),
        new Case(
            "ssl-negotiation-policy and alpn-policy on TLS listeners",
            s ->
                s.annotation(SSL_CERT, "arn:cert-1")
                    .annotation(SSL_POLICY, "ELBSecurityPolicy-TLS13-1-2-2021-06")
                    .annotation(ALPN_POLICY, "HTTP2Preferred"),
            """
            {
              "listeners": {
                "80": {
                  "protocol": "TLS",
                  "certificateArns": [
                    "arn:cert-1"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                  "alpnPolicy": "HTTP2Preferred"
                }
              }
            }
            """),
        new Case(
            "backend-protocol ssl makes the TLS listener's target group TLS",
            s -> s.annotation(SSL_CERT, "arn:cert-1").annotation(BACKEND_PROTOCOL, "ssl"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "name": "k8s-default-echo-686d16db4c",
                  "protocol": "TLS"
                }
              },
              "listeners": {
                "80": {
                  "protocol": "TLS",
                  "certificateArns": [
                    "arn:cert-1"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-2016-08"
                }
              }
            }
            """),
        new Case(
            "backend-protocol other than ssl keeps TCP, as in LBC",
            s -> s.annotation(SSL_CERT, "arn:cert-1").annotation(BACKEND_PROTOCOL, "tls"),
            """
            {
              "listeners": {
                "80": {
                  "protocol": "TLS",
                  "certificateArns": [
                    "arn:cert-1"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-2016-08"
                }
              }
            }
            """),
        new Case(
            "alpn-policy is not read without a TLS listener",
            s -> s.annotation(ALPN_POLICY, "bogus"),
            "{}"),
        new Case(
            "several ports give one listener and one target group each",
            s ->
                s.clearPorts().port("http", "TCP", 80, "8080").port("metrics", "TCP", 9090, "9091"),
            multiPortSlice(),
            Fixtures.facts(),
            """
            {
              "targetGroups": {
                "default/echo:9090": {
                  "resourceId": "default/echo:9090",
                  "name": "k8s-default-echo-571c89ae49",
                  "targetType": "ip",
                  "protocol": "TCP",
                  "port": 9091,
                  "ipAddressType": "ipv4",
                  "vpcId": "vpc-0example",
                  "healthCheck": {
                    "protocol": "TCP",
                    "port": "traffic-port",
                    "intervalSeconds": 10,
                    "timeoutSeconds": 10,
                    "healthyThreshold": 3,
                    "unhealthyThreshold": 3
                  },
                  "attributes": {
                    "proxy_protocol_v2.enabled": "false"
                  },
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "default/echo:9090",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "listeners": {
                "9090": {
                  "port": 9090,
                  "protocol": "TCP",
                  "certificateArns": [],
                  "defaultActions": [
                    {
                      "type": "forward",
                      "targetGroups": [
                        {
                          "targetGroup": {
                            "resourceId": "default/echo:9090"
                          }
                        }
                      ]
                    }
                  ],
                  "rules": [],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "9090",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "targets": {
                "default/echo:80": [
                  {
                    "id": "10.0.1.10",
                    "port": 8080
                  }
                ],
                "default/echo:9090": [
                  {
                    "id": "10.0.1.10",
                    "port": 9091
                  }
                ]
              }
            }
            """),
        new Case(
            "a UDP port gives a UDP listener and target group",
            s -> s.clearPorts().port("dns", "UDP", 53, "5353"),
            udpSlice(),
            Fixtures.facts(),
            """
            {
              "targetGroups": {
                "default/echo:80": null,
                "default/echo:53": {
                  "resourceId": "default/echo:53",
                  "name": "k8s-default-echo-0d2d794eaa",
                  "targetType": "ip",
                  "protocol": "UDP",
                  "port": 5353,
                  "ipAddressType": "ipv4",
                  "vpcId": "vpc-0example",
                  "healthCheck": {
                    "protocol": "TCP",
                    "port": "traffic-port",
                    "intervalSeconds": 10,
                    "timeoutSeconds": 10,
                    "healthyThreshold": 3,
                    "unhealthyThreshold": 3
                  },
                  "attributes": {
                    "proxy_protocol_v2.enabled": "false"
                  },
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "default/echo:53",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "listeners": {
                "80": null,
                "53": {
                  "port": 53,
                  "protocol": "UDP",
                  "certificateArns": [],
                  "defaultActions": [
                    {
                      "type": "forward",
                      "targetGroups": [
                        {
                          "targetGroup": {
                            "resourceId": "default/echo:53"
                          }
                        }
                      ]
                    }
                  ],
                  "rules": [],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "53",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "targets": {
                "default/echo:80": null,
                "default/echo:53": [
                  {
                    "id": "10.0.1.10",
                    "port": 5353
                  }
                ]
              }
            }
            """),
        new Case(
            "enable-tcp-udp-listener makes a TCP and a UDP port of one number one TCP_UDP listener"
                + " and target group, from the first port",
            s ->
                s.clearPorts()
                    .port("dns-tcp", "TCP", 53, "5353")
                    .port("dns-udp", "UDP", 53, "5354")
                    .annotation(ENABLE_TCP_UDP, "true"),
            tcpUdpSlice(),
            Fixtures.facts(),
            """
            {
              "targetGroups": {
                "default/echo:80": null,
                "default/echo:53": {
                  "resourceId": "default/echo:53",
                  "name": "k8s-default-echo-3c3e0c92c6",
                  "targetType": "ip",
                  "protocol": "TCP_UDP",
                  "port": 5353,
                  "ipAddressType": "ipv4",
                  "vpcId": "vpc-0example",
                  "healthCheck": {
                    "protocol": "TCP",
                    "port": "traffic-port",
                    "intervalSeconds": 10,
                    "timeoutSeconds": 10,
                    "healthyThreshold": 3,
                    "unhealthyThreshold": 3
                  },
                  "attributes": {
                    "proxy_protocol_v2.enabled": "false"
                  },
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "default/echo:53",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "listeners": {
                "80": null,
                "53": {
                  "port": 53,
                  "protocol": "TCP_UDP",
                  "certificateArns": [],
                  "defaultActions": [
                    {
                      "type": "forward",
                      "targetGroups": [
                        {
                          "targetGroup": {
                            "resourceId": "default/echo:53"
                          }
                        }
                      ]
                    }
                  ],
                  "rules": [],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "53",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "targets": {
                "default/echo:80": null,
                "default/echo:53": [
                  {
                    "id": "10.0.1.10",
                    "port": 5353
                  }
                ]
              }
            }
            """),
        new Case(
            "a named targetPort gives target group port 1 and targets from the port's name",
            s -> s.clearPorts().port("http", "TCP", 80, "web"),
            namedPortSlice(),
            Fixtures.facts(),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "name": "k8s-default-echo-80cc092666",
                  "port": 1
                }
              },
              "targets": {
                "default/echo:80": [
                  {
                    "id": "10.0.1.10",
                    "port": 9090
                  },
                  {
                    "id": "10.0.2.20",
                    "port": 9090
                  }
                ]
              }
            }
            """),
        // Health checks.
        new Case(
            "healthcheck-protocol http defaults the path and success codes and renames the TG",
            s -> s.annotation(HC_PROTOCOL, "http"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "name": "k8s-default-echo-a317f7d56f",
                  "healthCheck": {
                    "protocol": "HTTP",
                    "path": "/",
                    "matcher": "200-399"
                  }
                }
              }
            }
            """),
        new Case(
            "healthcheck path and success codes for https",
            s ->
                s.annotation(HC_PROTOCOL, "HTTPS")
                    .annotation(HC_PATH, "/healthz")
                    .annotation(HC_SUCCESS_CODES, "200,302"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "name": "k8s-default-echo-6329b7e7d4",
                  "healthCheck": {
                    "protocol": "HTTPS",
                    "path": "/healthz",
                    "matcher": "200,302"
                  }
                }
              }
            }
            """),
        new Case(
            "path and success codes are ignored for TCP health checks",
            s -> s.annotation(HC_PATH, "/healthz").annotation(HC_SUCCESS_CODES, "200"),
            "{}"),
        new Case(
            "healthcheck-port as a number",
            s -> s.annotation(HC_PORT, "8888"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "healthCheck": {
                    "port": "8888"
                  }
                }
              }
            }
            """),
        new Case(
            "healthcheck-port as a named Service port resolves to its targetPort",
            s -> s.port("health", "TCP", 81, "10254").annotation(HC_PORT, "health"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "healthCheck": {
                    "port": "10254"
                  }
                },
                "default/echo:81": {
                  "resourceId": "default/echo:81",
                  "name": "k8s-default-echo-1deb4fb63c",
                  "targetType": "ip",
                  "protocol": "TCP",
                  "port": 10254,
                  "ipAddressType": "ipv4",
                  "vpcId": "vpc-0example",
                  "healthCheck": {
                    "protocol": "TCP",
                    "port": "10254",
                    "intervalSeconds": 10,
                    "timeoutSeconds": 10,
                    "healthyThreshold": 3,
                    "unhealthyThreshold": 3
                  },
                  "attributes": {
                    "proxy_protocol_v2.enabled": "false"
                  },
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "default/echo:81",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "listeners": {
                "81": {
                  "port": 81,
                  "protocol": "TCP",
                  "certificateArns": [],
                  "defaultActions": [
                    {
                      "type": "forward",
                      "targetGroups": [
                        {
                          "targetGroup": {
                            "resourceId": "default/echo:81"
                          }
                        }
                      ]
                    }
                  ],
                  "rules": [],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "81",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "targets": {
                "default/echo:81": []
              }
            }
            """),
        new Case(
            "healthcheck thresholds, timeout and interval (which renames the TG)",
            s ->
                s.annotation(HC_HEALTHY, "2")
                    .annotation(HC_UNHEALTHY, "5")
                    .annotation(HC_TIMEOUT, "6")
                    .annotation(HC_INTERVAL, "30"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "name": "k8s-default-echo-87c89370b4",
                  "healthCheck": {
                    "intervalSeconds": 30,
                    "timeoutSeconds": 6,
                    "healthyThreshold": 2,
                    "unhealthyThreshold": 5
                  }
                }
              }
            }
            """),
        // Target group attributes.
        new Case(
            "target-group-attributes",
            s ->
                s.annotation(
                    TG_ATTRIBUTES,
                    "deregistration_delay.timeout_seconds=60, preserve_client_ip.enabled=true"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "attributes": {
                    "deregistration_delay.timeout_seconds": "60",
                    "preserve_client_ip.enabled": "true"
                  }
                }
              }
            }
            """),
        new Case(
            "per-port target-group-attributes override the common ones, except empty values",
            s ->
                s.annotation(
                        TG_ATTRIBUTES,
                        "deregistration_delay.timeout_seconds=60,stickiness.enabled=true")
                    .annotation(
                        TG_ATTRIBUTES + ".80",
                        "deregistration_delay.timeout_seconds=10,stickiness.enabled="),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "attributes": {
                    "deregistration_delay.timeout_seconds": "10",
                    "stickiness.enabled": "true"
                  }
                }
              }
            }
            """),
        new Case(
            "proxy-protocol * turns proxy protocol v2 on over target-group-attributes",
            s ->
                s.annotation(PROXY_PROTOCOL, "*")
                    .annotation(TG_ATTRIBUTES, "proxy_protocol_v2.enabled=false"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "attributes": {
                    "proxy_protocol_v2.enabled": "true"
                  }
                }
              }
            }
            """),
        new Case(
            "proxy-protocol-per-target-group turns it on for the listed ports only",
            s -> s.port("other", "TCP", 81, "8080").annotation(PROXY_PROTOCOL_PER_TG, "81, 9999"),
            """
            {
              "targetGroups": {
                "default/echo:81": {
                  "resourceId": "default/echo:81",
                  "name": "k8s-default-echo-7f2259a4b8",
                  "targetType": "ip",
                  "protocol": "TCP",
                  "port": 8080,
                  "ipAddressType": "ipv4",
                  "vpcId": "vpc-0example",
                  "healthCheck": {
                    "protocol": "TCP",
                    "port": "traffic-port",
                    "intervalSeconds": 10,
                    "timeoutSeconds": 10,
                    "healthyThreshold": 3,
                    "unhealthyThreshold": 3
                  },
                  "attributes": {
                    "proxy_protocol_v2.enabled": "true"
                  },
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "default/echo:81",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "listeners": {
                "81": {
                  "port": 81,
                  "protocol": "TCP",
                  "certificateArns": [],
                  "defaultActions": [
                    {
                      "type": "forward",
                      "targetGroups": [
                        {
                          "targetGroup": {
                            "resourceId": "default/echo:81"
                          }
                        }
                      ]
                    }
                  ],
                  "rules": [],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "service.k8s.aws/resource": "81",
                    "service.k8s.aws/stack": "default/echo"
                  }
                }
              },
              "targets": {
                "default/echo:81": [
                  {
                    "id": "10.0.1.10",
                    "port": 8080
                  },
                  {
                    "id": "10.0.2.20",
                    "port": 8080
                  }
                ]
              }
            }
            """),
        // Annotations without effect in ip mode without managed security groups.
        new Case(
            "annotations for instance mode and security group rules change nothing",
            s ->
                s.annotation(TARGET_NODE_LABELS, "role=web")
                    .annotation(DISABLE_NLB_SG, "true")
                    .annotation(MANAGE_BACKEND_SG_RULES, "false")
                    .annotation(ICMP_PATH_MTU, "on")
                    .annotation(MULTI_CLUSTER_TG, "false")
                    .annotation(PREFIX_FOR_IPV6_SOURCE_NAT, "off"),
            "{}"),
        // Subnet discovery.
        new Case(
            "discovery prefers the cluster-tagged subnet in an AZ, then the lowest ID",
            s -> s,
            Fixtures.slices(),
            Fixtures.facts(discoverySubnets()),
            """
            {
              "loadBalancer": {
                "subnetIds": [
                  "subnet-a2",
                  "subnet-b1",
                  "subnet-d1"
                ]
              }
            }
            """));
  }

  /** The empty stack: no load balancer, nothing else. */
  private static final String EMPTY =
      """
      {"loadBalancer": null, "targetGroups": {"default/echo:80": null},
       "listeners": {"80": null}, "targets": {"default/echo:80": null}}
      """;

  private static List<K8sEndpointSlice> withIpv6Slice() {
    return List.of(
        Fixtures.slices().get(0),
        Fixtures.slice(
            "IPv6",
            List.of(new K8sEndpointSlice.Port("", 8080, "TCP")),
            Fixtures.endpoint("fd00::10", true, false)));
  }

  private static List<K8sEndpointSlice> multiPortSlice() {
    return List.of(
        Fixtures.slice(
            "IPv4",
            List.of(
                new K8sEndpointSlice.Port("http", 8080, "TCP"),
                new K8sEndpointSlice.Port("metrics", 9091, "TCP")),
            Fixtures.endpoint("10.0.1.10", true, false)));
  }

  private static List<K8sEndpointSlice> udpSlice() {
    return List.of(
        Fixtures.slice(
            "IPv4",
            List.of(new K8sEndpointSlice.Port("dns", 5353, "UDP")),
            Fixtures.endpoint("10.0.1.10", true, false)));
  }

  /** One pod serving DNS on 5353/TCP and 5354/UDP. */
  static List<K8sEndpointSlice> tcpUdpSlice() {
    return List.of(
        Fixtures.slice(
            "IPv4",
            List.of(
                new K8sEndpointSlice.Port("dns-tcp", 5353, "TCP"),
                new K8sEndpointSlice.Port("dns-udp", 5354, "UDP")),
            Fixtures.endpoint("10.0.1.10", true, false)));
  }

  private static List<K8sEndpointSlice> namedPortSlice() {
    return List.of(
        Fixtures.slice(
            "IPv4",
            List.of(new K8sEndpointSlice.Port("http", 9090, "TCP")),
            Fixtures.endpoint("10.0.1.10", true, false),
            Fixtures.endpoint("10.0.2.20", null, null)));
  }

  /**
   * AZ a: an untagged subnet with a lower ID and a cluster-tagged one; AZ b: two untagged, the
   * lower ID wins; AZ c: one tagged for another cluster only and one with too few addresses; AZ d:
   * tagged for both clusters; another VPC's subnet and a role tag value of 0 are ignored.
   */
  static List<Subnet> discoverySubnets() {
    String role = "kubernetes.io/role/internal-elb";
    String ours = "kubernetes.io/cluster/" + Fixtures.CLUSTER;
    String other = "kubernetes.io/cluster/other";
    return List.of(
        Fixtures.subnet("subnet-a1", "a", Map.of(role, "1")),
        Fixtures.subnet("subnet-a2", "a", Map.of(role, "", ours, "owned")),
        Fixtures.subnet("subnet-b2", "b", Map.of(role, "1")),
        Fixtures.subnet("subnet-b1", "b", Map.of(role, "1")),
        Fixtures.subnet("subnet-c1", "c", Map.of(role, "1", other, "shared")),
        Fixtures.subnet("subnet-c2", Fixtures.VPC, "c", 7, Map.of(role, "1")),
        Fixtures.subnet("subnet-d1", "d", Map.of(role, "1", other, "shared", ours, "shared")),
        Fixtures.subnet("subnet-e1", "vpc-other", "e", 250, Map.of(role, "1")),
        Fixtures.subnet("subnet-f1", "f", Map.of(role, "0")));
  }
}
