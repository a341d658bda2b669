package dev.lbr.build.ingress;

import dev.lbr.build.ingress.IngressGolden.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: the ALB, its security groups and tags, listeners and default actions. */
class IngressLoadBalancerGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check(c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        annotated(
            "scheme internet-facing uses the public subnets and renames the ALB",
            "scheme",
            "internet-facing",
            """
            {
              "loadBalancer": {
                "name": "k8s-default-web-83446fad23",
                "scheme": "internet-facing",
                "subnetIds": [
                  "subnet-public-a",
                  "subnet-public-b",
                  "subnet-public-c"
                ]
              }
            }
            """),
        annotated(
            "ip-address-type dualstack opens the ports to ::/0 too",
            "ip-address-type",
            "dualstack",
            """
            {
              "loadBalancer": {
                "ipAddressType": "dualstack"
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
        annotated(
            "load-balancer-name names the ALB",
            "load-balancer-name",
            "my-alb",
            """
            {
              "loadBalancer": {
                "name": "my-alb"
              }
            }
            """),
        annotated(
            "subnets by Name tag, in the annotation's order",
            "subnets",
            "public-b, private-c",
            """
            {
              "loadBalancer": {
                "subnetIds": [
                  "subnet-public-b",
                  "subnet-private-c"
                ]
              }
            }
            """),
        annotated(
            "subnets by ID",
            "subnets",
            "subnet-private-c,subnet-public-a",
            """
            {
              "loadBalancer": {
                "subnetIds": [
                  "subnet-private-c",
                  "subnet-public-a"
                ]
              }
            }
            """),
        annotated(
            "security-groups by ID and Name replace the managed security group",
            "security-groups",
            "web, sg-0custom",
            """
            {
              "securityGroup": null,
              "loadBalancer": {
                "securityGroupIds": [
                  "sg-0custom",
                  "sg-0web"
                ]
              }
            }
            """),
        annotated(
            "load-balancer-attributes",
            "load-balancer-attributes",
            "idle_timeout.timeout_seconds=600, deletion_protection.enabled=true",
            """
            {
              "loadBalancer": {
                "attributes": {
                  "deletion_protection.enabled": "true",
                  "idle_timeout.timeout_seconds": "600"
                }
              }
            }
            """),
        annotated(
            "tags go on every resource",
            "tags",
            "team=web, cost-center=42",
            """
            {
              "loadBalancer": {
                "tags": {
                  "cost-center": "42",
                  "team": "web"
                }
              },
              "targetGroups": {
                "default/web-web:80": {
                  "tags": {
                    "cost-center": "42",
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
                        "cost-center": "42",
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "default/web",
                        "team": "web"
                      }
                    }
                  ],
                  "tags": {
                    "cost-center": "42",
                    "team": "web"
                  }
                }
              },
              "securityGroup": {
                "tags": {
                  "cost-center": "42",
                  "team": "web"
                }
              }
            }
            """),
        annotated(
            "inbound-cidrs: IPv6 ones only apply to a dualstack ALB",
            "inbound-cidrs",
            "10.0.0.0/8, 2001:db8::/32",
            """
            {
              "securityGroup": {
                "ingress": [
                  {
                    "protocol": "tcp",
                    "fromPort": 80,
                    "toPort": 80,
                    "cidr": "10.0.0.0/8"
                  }
                ]
              }
            }
            """),
        new Case(
            "inbound-cidrs and prefix lists on a dualstack ALB",
            w -> {
              w.ing()
                  .annotation("ip-address-type", "dualstack")
                  .annotation("inbound-cidrs", "10.0.0.0/8, 2001:db8::/32")
                  .annotation("security-group-prefix-lists", "pl-0abc");
              return w;
            },
            """
            {
              "loadBalancer": {
                "ipAddressType": "dualstack"
              },
              "securityGroup": {
                "ingress": [
                  {
                    "protocol": "tcp",
                    "fromPort": 80,
                    "toPort": 80,
                    "cidr": "10.0.0.0/8"
                  },
                  {
                    "protocol": "tcp",
                    "fromPort": 80,
                    "toPort": 80,
                    "cidr": "2001:db8::/32"
                  },
                  {
                    "protocol": "tcp",
                    "fromPort": 80,
                    "toPort": 80,
                    "prefixListId": "pl-0abc"
                  }
                ]
              }
            }
            """),
        annotated(
            "certificate-arn alone makes the listener HTTPS:443",
            "certificate-arn",
            "arn:cert-1, arn:cert-2",
            """
            {
              "listeners": {
                "80": null,
                "443": {
                  "port": 443,
                  "protocol": "HTTPS",
                  "certificateArns": [
                    "arn:cert-1",
                    "arn:cert-2"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-2016-08",
                  "defaultActions": [
                    {
                      "type": "fixed-response",
                      "statusCode": "404",
                      "contentType": "text/plain"
                    }
                  ],
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
                        "ingress.k8s.aws/resource": "443:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "443",
                    "ingress.k8s.aws/stack": "default/web"
                  }
                }
              },
              "securityGroup": {
                "ingress": [
                  {
                    "protocol": "tcp",
                    "fromPort": 443,
                    "toPort": 443,
                    "cidr": "0.0.0.0/0"
                  }
                ]
              }
            }
            """),
        new Case(
            "listen-ports HTTP and HTTPS with ssl-policy",
            w -> {
              w.ing()
                  .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 8443}]")
                  .annotation("certificate-arn", "arn:cert-1")
                  .annotation("ssl-policy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
              return w;
            },
            """
            {
              "listeners": {
                "8443": {
                  "port": 8443,
                  "protocol": "HTTPS",
                  "certificateArns": [
                    "arn:cert-1"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                  "defaultActions": [
                    {
                      "type": "fixed-response",
                      "statusCode": "404",
                      "contentType": "text/plain"
                    }
                  ],
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
                        "ingress.k8s.aws/resource": "8443:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "8443",
                    "ingress.k8s.aws/stack": "default/web"
                  }
                }
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
                    "fromPort": 8443,
                    "toPort": 8443,
                    "cidr": "0.0.0.0/0"
                  }
                ]
              }
            }
            """),
        new Case(
            "ssl-redirect leaves the HTTP listener a 301 redirect without rules",
            w -> {
              w.ing()
                  .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]")
                  .annotation("certificate-arn", "arn:cert-1")
                  .annotation("ssl-redirect", "443");
              return w;
            },
            """
            {
              "listeners": {
                "80": {
                  "defaultActions": [
                    {
                      "type": "redirect",
                      "protocol": "HTTPS",
                      "port": "443",
                      "statusCode": "HTTP_301"
                    }
                  ],
                  "rules": []
                },
                "443": {
                  "port": 443,
                  "protocol": "HTTPS",
                  "certificateArns": [
                    "arn:cert-1"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-2016-08",
                  "defaultActions": [
                    {
                      "type": "fixed-response",
                      "statusCode": "404",
                      "contentType": "text/plain"
                    }
                  ],
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
                        "ingress.k8s.aws/resource": "443:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "443",
                    "ingress.k8s.aws/stack": "default/web"
                  }
                }
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
                    "fromPort": 443,
                    "toPort": 443,
                    "cidr": "0.0.0.0/0"
                  }
                ]
              }
            }
            """),
        new Case(
            "certificates merge across members, the first member's first one being the default",
            w -> {
              IngressGroupGoldenTest.twoMembers(w)
                  .ing()
                  .annotation("certificate-arn", "arn:a,arn:b");
              w.ingresses.get(1).annotation("certificate-arn", "arn:c, arn:a");
              return w;
            },
            """
            {
              "id": {
                "name": "shop"
              },
              "loadBalancer": {
                "name": "k8s-shop-b9d6cd7c1a",
                "tags": {
                  "ingress.k8s.aws/stack": "shop"
                }
              },
              "targetGroups": {
                "default/api-api:80": {
                  "resourceId": "default/api-api:80",
                  "name": "k8s-default-api-c083585cfa",
                  "targetType": "ip",
                  "protocol": "HTTP",
                  "protocolVersion": "HTTP1",
                  "port": 9090,
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
                    "ingress.k8s.aws/resource": "default/api-api:80",
                    "ingress.k8s.aws/stack": "shop"
                  }
                },
                "default/web-web:80": {
                  "name": "k8s-default-web-2ed1764b2e",
                  "tags": {
                    "ingress.k8s.aws/stack": "shop"
                  }
                }
              },
              "listeners": {
                "80": null,
                "443": {
                  "port": 443,
                  "protocol": "HTTPS",
                  "certificateArns": [
                    "arn:c",
                    "arn:a",
                    "arn:b"
                  ],
                  "sslPolicy": "ELBSecurityPolicy-2016-08",
                  "defaultActions": [
                    {
                      "type": "fixed-response",
                      "statusCode": "404",
                      "contentType": "text/plain"
                    }
                  ],
                  "rules": [
                    {
                      "priority": 1,
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "values": [
                            "/api",
                            "/api/*"
                          ]
                        }
                      ],
                      "actions": [
                        {
                          "type": "forward",
                          "targetGroups": [
                            {
                              "targetGroup": {
                                "resourceId": "default/api-api:80"
                              }
                            }
                          ]
                        }
                      ],
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "443:1",
                        "ingress.k8s.aws/stack": "shop"
                      }
                    },
                    {
                      "priority": 2,
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
                        "ingress.k8s.aws/resource": "443:2",
                        "ingress.k8s.aws/stack": "shop"
                      }
                    }
                  ],
                  "tags": {
                    "elbv2.k8s.aws/cluster": "my-cluster",
                    "ingress.k8s.aws/resource": "443",
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
              },
              "securityGroup": {
                "name": "k8s-shop-6a024defe3",
                "ingress": [
                  {
                    "protocol": "tcp",
                    "fromPort": 443,
                    "toPort": 443,
                    "cidr": "0.0.0.0/0"
                  }
                ],
                "tags": {
                  "ingress.k8s.aws/stack": "shop"
                }
              }
            }
            """),
        new Case(
            "the default backend becomes the listener's default action",
            w -> {
              w.ing().clearRules().defaultBackend("web", null, 80);
              return w;
            },
            """
            {
              "listeners": {
                "80": {
                  "defaultActions": [
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
                  "rules": []
                }
              }
            }
            """),
        new Case(
            "a default backend whose Service does not exist answers 503",
            w -> {
              w.ing().defaultBackend("missing", "http", null);
              return w;
            },
            """
            {
              "listeners": {
                "80": {
                  "defaultActions": [
                    {
                      "type": "fixed-response",
                      "statusCode": "503",
                      "contentType": "text/plain",
                      "messageBody": "Backend service does not exist"
                    }
                  ]
                }
              }
            }
            """));
  }

  private static Case annotated(String name, String suffix, String value, String patch) {
    return new Case(
        name,
        w -> {
          w.ing().annotation(suffix, value);
          return w;
        },
        patch);
  }
}
