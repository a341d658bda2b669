package dev.lbr.build.ingress;

import dev.lbr.build.ingress.IngressGolden.Case;
import dev.lbr.k8s.K8sService;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: target groups, health checks, their annotations and targets. */
class IngressTargetGroupGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check(c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        annotated(
            "backend-protocol HTTPS",
            Map.of("backend-protocol", "HTTPS"),
            """
            {
              "targetGroups": {
                "default/web-web:80": {
                  "name": "k8s-default-web-8ac5abbc04",
                  "protocol": "HTTPS",
                  "healthCheck": {
                    "protocol": "HTTPS"
                  }
                }
              }
            }
            """),
        annotated(
            "backend-protocol-version GRPC checks /AWS.ALB/healthcheck for code 12",
            Map.of("backend-protocol-version", "GRPC"),
            """
            {
              "targetGroups": {
                "default/web-web:80": {
                  "name": "k8s-default-web-c4b501d925",
                  "protocolVersion": "GRPC",
                  "healthCheck": {
                    "path": "/AWS.ALB/healthcheck",
                    "matcher": "12"
                  }
                }
              }
            }
            """),
        annotated(
            "every health check annotation",
            Map.of(
                "healthcheck-port", "8081",
                "healthcheck-protocol", "HTTPS",
                "healthcheck-path", "/healthz",
                "healthcheck-interval-seconds", "30",
                "healthcheck-timeout-seconds", "10",
                "healthy-threshold-count", "3",
                "unhealthy-threshold-count", "4",
                "success-codes", "200-299,302"),
            """
            {
              "targetGroups": {
                "default/web-web:80": {
                  "healthCheck": {
                    "protocol": "HTTPS",
                    "port": "8081",
                    "path": "/healthz",
                    "intervalSeconds": 30,
                    "timeoutSeconds": 10,
                    "healthyThreshold": 3,
                    "unhealthyThreshold": 4,
                    "matcher": "200-299,302"
                  }
                }
              }
            }
            """),
        annotated(
            "healthcheck-port may name a Service port (its numeric targetPort)",
            Map.of("healthcheck-port", "http"),
            """
            {
              "targetGroups": {
                "default/web-web:80": {
                  "healthCheck": {
                    "port": "8080"
                  }
                }
              }
            }
            """),
        annotated(
            "target-group-attributes",
            Map.of(
                "target-group-attributes",
                "deregistration_delay.timeout_seconds=30, stickiness.enabled=true"),
            """
            {
              "targetGroups": {
                "default/web-web:80": {
                  "attributes": {
                    "deregistration_delay.timeout_seconds": "30",
                    "stickiness.enabled": "true"
                  }
                }
              }
            }
            """),
        new Case(
            "the Service's annotations win over the Ingress's",
            w -> {
              w.ing()
                  .annotation("healthcheck-path", "/ingress")
                  .annotation("tags", "owner=ingress, team=web")
                  .annotation("target-group-attributes", "slow_start.duration_seconds=30");
              return w.service(
                  "default",
                  "web",
                  Map.of(
                      IngressAnnotation.key("healthcheck-path"), "/service",
                      IngressAnnotation.key("tags"), "owner=service",
                      IngressAnnotation.key("target-group-attributes"),
                          "deregistration_delay.timeout_seconds=10"),
                  List.of(),
                  new K8sService.Port("http", "TCP", 80, "8080", null));
            },
            """
            {
              "loadBalancer": {
                "tags": {
                  "owner": "ingress",
                  "team": "web"
                }
              },
              "targetGroups": {
                "default/web-web:80": {
                  "healthCheck": {
                    "path": "/service"
                  },
                  "attributes": {
                    "deregistration_delay.timeout_seconds": "10"
                  },
                  "tags": {
                    "owner": "service",
                    "team": "web"
                  }
                }
              },
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "priority": 1,
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/*"
                          ]
                        }
                      ],
                      "actions": [
                        {
                          "type": "forward",
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/web-web:80"
                              }
                            }
                          ]
                        }
                      ],
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "default/web",
                        "owner": "ingress",
                        "team": "web"
                      }
                    }
                  ],
                  "tags": {
                    "owner": "ingress",
                    "team": "web"
                  }
                }
              },
              "securityGroup": {
                "tags": {
                  "owner": "ingress",
                  "team": "web"
                }
              }
            }
            """),
        new Case(
            "the Service's target-type annotation wins over the Ingress's",
            w -> {
              w.ing().annotation("target-type", "instance");
              return w.service(
                  "default",
                  "web",
                  Map.of(IngressAnnotation.key("target-type"), "ip"),
                  List.of(),
                  new K8sService.Port("http", "TCP", 80, "8080", null));
            },
            "{}"),
        new Case(
            "a backend by Service port name, and the same port by number, give two target groups",
            w -> {
              w.ing().path("/named", "Prefix", "web", "http");
              return w;
            },
            """
            {
              "targetGroups": {
                "default/web-web:http": {
                  "resourceId": "default/web-web:http",
                  "name": "k8s-default-web-75d1c729fb",
                  "targetType": "ip",
                  "protocol": "HTTP",
                  "protocolVersion": "HTTP1",
                  "port": 8080,
                  "ipAddressType": "ipv4",
                  "vpcId": "vpc-0example",
                  "healthCheck": {
                    "protocol": "HTTP",
                    "port": "traffic-port",
                    "path": "/",
                    "intervalSeconds": 15,
                    "timeoutSeconds": 5,
                    "healthyThreshold": 2,
                    "unhealthyThreshold": 2,
                    "matcher": "200"
                  },
                  "attributes": {},
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "default/web-web:http",
                    "ingress.k8s.aws/stack": "default/web"
                  }
                }
              },
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "priority": 1,
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/*"
                          ]
                        }
                      ],
                      "actions": [
                        {
                          "type": "forward",
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/web-web:80"
                              }
                            }
                          ]
                        }
                      ],
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    },
                    {
                      "priority": 2,
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/named",
                            "/named/*"
                          ]
                        }
                      ],
                      "actions": [
                        {
                          "type": "forward",
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/web-web:http"
                              }
                            }
                          ]
                        }
                      ],
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:2",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ]
                }
              },
              "targets": {
                "default/web-web:http": [
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
            "a named targetPort gives target group port 1 and targets from the named slice port",
            w ->
                w.service(
                    "default", "web", new K8sService.Port("http", "TCP", 80, "web-port", null)),
            """
            {
              "targetGroups": {
                "default/web-web:80": {
                  "name": "k8s-default-web-a6141614fa",
                  "port": 1
                }
              }
            }
            """),
        new Case(
            "an IPv6 Service on a dualstack ALB gets an ipv6 target group and IPv6 targets",
            w -> {
              w.ing().annotation("ip-address-type", "dualstack");
              w.service(
                  "default",
                  "web",
                  Map.of(),
                  List.of("IPv6"),
                  new K8sService.Port("http", "TCP", 80, "8080", null));
              return w.pods("default", "web", 8080, "fd00::10");
            },
            """
            {
              "loadBalancer": {
                "ipAddressType": "dualstack"
              },
              "targetGroups": {
                "default/web-web:80": {
                  "ipAddressType": "ipv6"
                }
              },
              "targets": {
                "default/web-web:80": [
                  {
                    "id": "fd00::10",
                    "port": 8080
                  }
                ]
              },
              "securityGroup": {
                "ingress": [
                  {
                    "protocol": "tcp",
                    "fromPort": 80,
                    "toPort": 80,
                    "cidr": "0.0.0.0/0"
                  },
                  {
                    "protocol": "tcp",
                    "fromPort": 80,
                    "toPort": 80,
                    "cidr": "::/0"
                  }
                ]
              }
            }
            """),
        new Case(
            "IngressClassParams targetType ip stands in for the annotation",
            w -> {
              w.ing().className("alb-params").annotation("target-type", null);
              return w.params("params", "{\"targetType\": \"ip\"}");
            },
            "{}"));
  }

  private static Case annotated(String name, Map<String, String> annotations, String patch) {
    return new Case(
        name,
        w -> {
          annotations.forEach((k, v) -> w.ing().annotation(k, v));
          return w;
        },
        patch);
  }
}
