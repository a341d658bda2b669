package dev.lbr.build.ingress;

import dev.lbr.build.ingress.IngressGolden.Case;
import dev.lbr.build.ingress.IngressWorld.Ing;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: which Ingresses are members, group merge and order, IngressClassParams. */
class IngressGroupGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check(c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("the base Ingress gives the base stack", w -> w, "{}"),
        new Case(
            "the legacy kubernetes.io/ingress.class alb annotation makes an Ingress ours",
            w -> {
              w.ing().className(null).raw(IngressAnnotation.LEGACY_CLASS, "alb");
              return w;
            },
            "{}"),
        new Case(
            "an Ingress without a class uses the default IngressClass",
            w -> {
              w.ing().className(null);
              return w.markDefault("alb");
            },
            "{}"),
        new Case(
            "an Ingress being deleted leaves its stack empty",
            w -> {
              w.ing().deleting();
              return w;
            },
            IngressGolden.EMPTY),
        new Case(
            "candidates of another class or group are not members",
            w ->
                w.add(
                        new Ing("default", "other")
                            .className("nginx")
                            .path("/x", "Prefix", "web", 80))
                    .add(
                        new Ing("default", "grouped")
                            .annotation("group.name", "elsewhere")
                            .path("/y", "Prefix", "web", 80)),
            "{}"),
        new Case(
            "an explicit group merges its members, ordered by namespace/name",
            w -> twoMembers(w),
            """
            {
              "id": {
                "name": "shop"
              },
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "actions": [
                        {
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/api-api:80"
                              }
                            }
                          ],
                          "type": "forward"
                        }
                      ],
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/api",
                            "/api/*"
                          ]
                        }
                      ],
                      "priority": 1,
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "shop"
                      }
                    },
                    {
                      "actions": [
                        {
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/web-web:80"
                              }
                            }
                          ],
                          "type": "forward"
                        }
                      ],
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/*"
                          ]
                        }
                      ],
                      "priority": 2,
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:2",
                        "ingress.k8s.aws/stack": "shop"
                      }
                    }
                  ],
                  "tags": {
                    "ingress.k8s.aws/stack": "shop"
                  }
                }
              },
              "loadBalancer": {
                "name": "k8s-shop-b9d6cd7c1a",
                "tags": {
                  "ingress.k8s.aws/stack": "shop"
                }
              },
              "securityGroup": {
                "name": "k8s-shop-6a024defe3",
                "tags": {
                  "ingress.k8s.aws/stack": "shop"
                }
              },
              "targetGroups": {
                "default/api-api:80": {
                  "attributes": {},
                  "healthCheck": {
                    "healthyThreshold": 2,
                    "intervalSeconds": 15,
                    "matcher": "200",
                    "path": "/",
                    "port": "traffic-port",
                    "protocol": "HTTP",
                    "timeoutSeconds": 5,
                    "unhealthyThreshold": 2
                  },
                  "ipAddressType": "ipv4",
                  "name": "k8s-default-api-c083585cfa",
                  "port": 9090,
                  "protocol": "HTTP",
                  "protocolVersion": "HTTP1",
                  "resourceId": "default/api-api:80",
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "default/api-api:80",
                    "ingress.k8s.aws/stack": "shop"
                  },
                  "targetType": "ip",
                  "vpcId": "vpc-0example"
                },
                "default/web-web:80": {
                  "name": "k8s-default-web-2ed1764b2e",
                  "tags": {
                    "ingress.k8s.aws/stack": "shop"
                  }
                }
              },
              "targets": {
                "default/api-api:80": [
                  {
                    "id": "10.0.3.30",
                    "port": 9090
                  }
                ]
              }
            }
            """),
        new Case(
            "group.order puts a member first",
            w -> {
              twoMembers(w).ing().annotation("group.order", "-5");
              return w;
            },
            """
            {
              "id": {
                "name": "shop"
              },
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "actions": [
                        {
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/web-web:80"
                              }
                            }
                          ],
                          "type": "forward"
                        }
                      ],
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/*"
                          ]
                        }
                      ],
                      "priority": 1,
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "shop"
                      }
                    },
                    {
                      "actions": [
                        {
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/api-api:80"
                              }
                            }
                          ],
                          "type": "forward"
                        }
                      ],
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/api",
                            "/api/*"
                          ]
                        }
                      ],
                      "priority": 2,
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:2",
                        "ingress.k8s.aws/stack": "shop"
                      }
                    }
                  ],
                  "tags": {
                    "ingress.k8s.aws/stack": "shop"
                  }
                }
              },
              "loadBalancer": {
                "name": "k8s-shop-b9d6cd7c1a",
                "tags": {
                  "ingress.k8s.aws/stack": "shop"
                }
              },
              "securityGroup": {
                "name": "k8s-shop-6a024defe3",
                "tags": {
                  "ingress.k8s.aws/stack": "shop"
                }
              },
              "targetGroups": {
                "default/api-api:80": {
                  "attributes": {},
                  "healthCheck": {
                    "healthyThreshold": 2,
                    "intervalSeconds": 15,
                    "matcher": "200",
                    "path": "/",
                    "port": "traffic-port",
                    "protocol": "HTTP",
                    "timeoutSeconds": 5,
                    "unhealthyThreshold": 2
                  },
                  "ipAddressType": "ipv4",
                  "name": "k8s-default-api-c083585cfa",
                  "port": 9090,
                  "protocol": "HTTP",
                  "protocolVersion": "HTTP1",
                  "resourceId": "default/api-api:80",
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "default/api-api:80",
                    "ingress.k8s.aws/stack": "shop"
                  },
                  "targetType": "ip",
                  "vpcId": "vpc-0example"
                },
                "default/web-web:80": {
                  "name": "k8s-default-web-2ed1764b2e",
                  "tags": {
                    "ingress.k8s.aws/stack": "shop"
                  }
                }
              },
              "targets": {
                "default/api-api:80": [
                  {
                    "id": "10.0.3.30",
                    "port": 9090
                  }
                ]
              }
            }
            """),
        new Case(
            "each member's rules go only to the ports it listens on",
            w -> {
              twoMembers(w).ingresses.get(1).annotation("listen-ports", "[{\"HTTP\": 8080}]");
              return w;
            },
            """
            {
              "id": {
                "name": "shop"
              },
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "actions": [
                        {
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/web-web:80"
                              }
                            }
                          ],
                          "type": "forward"
                        }
                      ],
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/*"
                          ]
                        }
                      ],
                      "priority": 1,
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "shop"
                      }
                    }
                  ],
                  "tags": {
                    "ingress.k8s.aws/stack": "shop"
                  }
                },
                "8080": {
                  "certificateArns": [],
                  "defaultActions": [
                    {
                      "contentType": "text/plain",
                      "statusCode": "404",
                      "type": "fixed-response"
                    }
                  ],
                  "port": 8080,
                  "protocol": "HTTP",
                  "rules": [
                    {
                      "actions": [
                        {
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/api-api:80"
                              }
                            }
                          ],
                          "type": "forward"
                        }
                      ],
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/api",
                            "/api/*"
                          ]
                        }
                      ],
                      "priority": 1,
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "8080:1",
                        "ingress.k8s.aws/stack": "shop"
                      }
                    }
                  ],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "8080",
                    "ingress.k8s.aws/stack": "shop"
                  }
                }
              },
              "loadBalancer": {
                "name": "k8s-shop-b9d6cd7c1a",
                "tags": {
                  "ingress.k8s.aws/stack": "shop"
                }
              },
              "securityGroup": {
                "ingress": [
                  {
                    "cidr": "0.0.0.0/0",
                    "fromPort": 80,
                    "protocol": "tcp",
                    "toPort": 80
                  },
                  {
                    "cidr": "0.0.0.0/0",
                    "fromPort": 8080,
                    "protocol": "tcp",
                    "toPort": 8080
                  }
                ],
                "name": "k8s-shop-6a024defe3",
                "tags": {
                  "ingress.k8s.aws/stack": "shop"
                }
              },
              "targetGroups": {
                "default/api-api:80": {
                  "attributes": {},
                  "healthCheck": {
                    "healthyThreshold": 2,
                    "intervalSeconds": 15,
                    "matcher": "200",
                    "path": "/",
                    "port": "traffic-port",
                    "protocol": "HTTP",
                    "timeoutSeconds": 5,
                    "unhealthyThreshold": 2
                  },
                  "ipAddressType": "ipv4",
                  "name": "k8s-default-api-c083585cfa",
                  "port": 9090,
                  "protocol": "HTTP",
                  "protocolVersion": "HTTP1",
                  "resourceId": "default/api-api:80",
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "default/api-api:80",
                    "ingress.k8s.aws/stack": "shop"
                  },
                  "targetType": "ip",
                  "vpcId": "vpc-0example"
                },
                "default/web-web:80": {
                  "name": "k8s-default-web-2ed1764b2e",
                  "tags": {
                    "ingress.k8s.aws/stack": "shop"
                  }
                }
              },
              "targets": {
                "default/api-api:80": [
                  {
                    "id": "10.0.3.30",
                    "port": 9090
                  }
                ]
              }
            }
            """),
        new Case(
            "IngressClassParams override the annotations",
            w -> {
              w.ing()
                  .className("alb-params")
                  .annotation("scheme", "internal")
                  .annotation("target-type", "instance")
                  .annotation("inbound-cidrs", "10.0.0.0/8");
              return w.params(
                  "params",
                  """
                  {"scheme": "internet-facing", "ipAddressType": "dualstack",
                   "targetType": "ip", "inboundCIDRs": ["192.168.0.0/16", "fd00::/8"],
                   "loadBalancerName": "team-alb"}
                  """);
            },
            """
            {
              "loadBalancer": {
                "ipAddressType": "dualstack",
                "name": "team-alb",
                "scheme": "internet-facing",
                "subnetIds": [
                  "subnet-public-a",
                  "subnet-public-b",
                  "subnet-public-c"
                ]
              },
              "securityGroup": {
                "ingress": [
                  {
                    "cidr": "192.168.0.0/16",
                    "fromPort": 80,
                    "protocol": "tcp",
                    "toPort": 80
                  },
                  {
                    "cidr": "fd00::/8",
                    "fromPort": 80,
                    "protocol": "tcp",
                    "toPort": 80
                  }
                ]
              }
            }
            """),
        new Case(
            "IngressClassParams group.name forces the group",
            w -> {
              w.ing().className("alb-params").annotation("group.name", "ignored");
              return w.params("params", "{\"group\": {\"name\": \"team\"}}");
            },
            """
            {
              "id": {
                "name": "team"
              },
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "actions": [
                        {
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/web-web:80"
                              }
                            }
                          ],
                          "type": "forward"
                        }
                      ],
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/*"
                          ]
                        }
                      ],
                      "priority": 1,
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "team"
                      }
                    }
                  ],
                  "tags": {
                    "ingress.k8s.aws/stack": "team"
                  }
                }
              },
              "loadBalancer": {
                "name": "k8s-team-9eada0fdac",
                "tags": {
                  "ingress.k8s.aws/stack": "team"
                }
              },
              "securityGroup": {
                "name": "k8s-team-e44bc1e08e",
                "tags": {
                  "ingress.k8s.aws/stack": "team"
                }
              },
              "targetGroups": {
                "default/web-web:80": {
                  "name": "k8s-default-web-6ac339d85f",
                  "tags": {
                    "ingress.k8s.aws/stack": "team"
                  }
                }
              }
            }
            """),
        new Case(
            "IngressClassParams tags and attributes merge with the annotations and win",
            w -> {
              w.ing()
                  .className("alb-params")
                  .annotation("tags", "team=web,env=dev")
                  .annotation(
                      "load-balancer-attributes",
                      "idle_timeout.timeout_seconds=30," + " routing.http2.enabled=false");
              return w.params(
                  "params",
                  """
                  {"tags": [{"key": "env", "value": "prod"}],
                   "loadBalancerAttributes": [{"key": "idle_timeout.timeout_seconds",
                                               "value": "120"}]}
                  """);
            },
            """
            {
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "actions": [
                        {
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/web-web:80"
                              }
                            }
                          ],
                          "type": "forward"
                        }
                      ],
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/*"
                          ]
                        }
                      ],
                      "priority": 1,
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "env": "prod",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "default/web",
                        "team": "web"
                      }
                    }
                  ],
                  "tags": {
                    "env": "prod",
                    "team": "web"
                  }
                }
              },
              "loadBalancer": {
                "attributes": {
                  "idle_timeout.timeout_seconds": "120",
                  "routing.http2.enabled": "false"
                },
                "tags": {
                  "env": "prod",
                  "team": "web"
                }
              },
              "securityGroup": {
                "tags": {
                  "env": "prod",
                  "team": "web"
                }
              },
              "targetGroups": {
                "default/web-web:80": {
                  "tags": {
                    "env": "prod",
                    "team": "web"
                  }
                }
              }
            }
            """),
        new Case(
            "IngressClassParams certificates, SSL policy and redirect port",
            w -> {
              w.ing()
                  .className("alb-params")
                  .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]")
                  .annotation("certificate-arn", "arn:ignored");
              return w.params(
                  "params",
                  """
                  {"certificateArn": ["arn:cert-1", "arn:cert-2"],
                   "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "sslRedirectPort": "443"}
                  """);
            },
            """
            {
              "listeners": {
                "443": {
                  "certificateArns": [
                    "arn:cert-1",
                    "arn:cert-2"
                  ],
                  "defaultActions": [
                    {
                      "contentType": "text/plain",
                      "statusCode": "404",
                      "type": "fixed-response"
                    }
                  ],
                  "port": 443,
                  "protocol": "HTTPS",
                  "rules": [
                    {
                      "actions": [
                        {
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/web-web:80"
                              }
                            }
                          ],
                          "type": "forward"
                        }
                      ],
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/*"
                          ]
                        }
                      ],
                      "priority": 1,
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "443:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ],
                  "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "443",
                    "ingress.k8s.aws/stack": "default/web"
                  }
                },
                "80": {
                  "defaultActions": [
                    {
                      "port": "443",
                      "protocol": "HTTPS",
                      "statusCode": "HTTP_301",
                      "type": "redirect"
                    }
                  ],
                  "rules": []
                }
              },
              "securityGroup": {
                "ingress": [
                  {
                    "cidr": "0.0.0.0/0",
                    "fromPort": 80,
                    "protocol": "tcp",
                    "toPort": 80
                  },
                  {
                    "cidr": "0.0.0.0/0",
                    "fromPort": 443,
                    "protocol": "tcp",
                    "toPort": 443
                  }
                ]
              }
            }
            """),
        new Case(
            "IngressClassParams subnet tag filters",
            w -> {
              w.ing().className("alb-params").annotation("subnets", "public-a,public-b");
              return w.params(
                  "params",
                  "{\"subnets\": {\"tags\": {\"Name\": [\"private-a\"," + " \"private-c\"]}}}");
            },
            """
            {
              "loadBalancer": {
                "subnetIds": [
                  "subnet-private-a",
                  "subnet-private-c"
                ]
              }
            }
            """),
        new Case(
            "IngressClassParams prefix lists replace the default open CIDRs",
            w -> {
              w.ing().className("alb-params");
              return w.params("params", "{\"prefixListsIDs\": [\"pl-0123\"]}");
            },
            """
            {
              "securityGroup": {
                "ingress": [
                  {
                    "fromPort": 80,
                    "prefixListId": "pl-0123",
                    "protocol": "tcp",
                    "toPort": 80
                  }
                ]
              }
            }
            """));
  }

  /** The base Ingress and {@code default/api} ({@code /api → api:80}) in group {@code shop}. */
  static IngressWorld twoMembers(IngressWorld w) {
    w.ing().annotation("group.name", "shop");
    w.add(
        new Ing("default", "api")
            .annotation("group.name", "shop")
            .path("/api", "Prefix", "api", 80));
    w.service("default", "api", new dev.lbr.k8s.K8sService.Port("", "TCP", 80, "9090", null));
    return w.pods("default", "api", 9090, "10.0.3.30");
  }
}
