package dev.lbr.build.ingress;

import static dev.lbr.build.ingress.IngressWorld.Ing.p;

import dev.lbr.build.ingress.IngressGolden.Case;
import dev.lbr.k8s.K8sIngress;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases: rule order, path patterns, conditions and actions. */
class IngressRulesGoldenTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void buildsTheExpectedStack(Case c) {
    IngressGolden.check(c);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "paths sort Exact first, then Prefix longest first, then the rest as written",
            w -> {
              w.ing()
                  .clearRules()
                  .rule(
                      "shop.example.com",
                      p("/legacy*", "ImplementationSpecific", "web", 80),
                      p("/a", "Prefix", "web", 80),
                      p("/exact", "Exact", "web", 80),
                      p("/longer/path/", "Prefix", "web", 80),
                      new K8sIngress.Path(null, null, IngressWorld.Ing.backend("web", null, 80)))
                  .rule("other.example.com", p("/", "Prefix", "web", 80));
              return w;
            },
            """
            {
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "priority": 1,
                      "conditions": [
                        {
                          "field": "host-header",
                          "values": [
                            "shop.example.com"
                          ]
                        },
                        {
                          "field": "path-pattern",
                          "values": [
                            "/exact"
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
                          "field": "host-header",
                          "values": [
                            "shop.example.com"
                          ]
                        },
                        {
                          "field": "path-pattern",
                          "values": [
                            "/longer/path",
                            "/longer/path/*"
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
                        "ingress.k8s.aws/resource": "80:2",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    },
                    {
                      "priority": 3,
                      "conditions": [
                        {
                          "field": "host-header",
                          "values": [
                            "shop.example.com"
                          ]
                        },
                        {
                          "field": "path-pattern",
                          "values": [
                            "/a",
                            "/a/*"
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
                        "ingress.k8s.aws/resource": "80:3",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    },
                    {
                      "priority": 4,
                      "conditions": [
                        {
                          "field": "host-header",
                          "values": [
                            "shop.example.com"
                          ]
                        },
                        {
                          "field": "path-pattern",
                          "values": [
                            "/legacy*"
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
                        "ingress.k8s.aws/resource": "80:4",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    },
                    {
                      "priority": 5,
                      "conditions": [
                        {
                          "field": "host-header",
                          "values": [
                            "shop.example.com"
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
                        "ingress.k8s.aws/resource": "80:5",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    },
                    {
                      "priority": 6,
                      "conditions": [
                        {
                          "field": "host-header",
                          "values": [
                            "other.example.com"
                          ]
                        },
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
                        "ingress.k8s.aws/resource": "80:6",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ]
                }
              }
            }
            """),
        new Case(
            "use-regex-path-match turns ImplementationSpecific paths into regexValues",
            w -> {
              w.ing()
                  .clearRules()
                  .annotation("use-regex-path-match", "true")
                  .path("/^/api/(.+)$", "ImplementationSpecific", "web", 80)
                  .path("/exact", "Exact", "web", 80);
              return w;
            },
            """
            {
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "priority": 1,
                      "conditions": [
                        {
                          "field": "path-pattern",
                          "regexValues": [
                            "^/api/(.+)$"
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
                            "/exact"
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
                        "ingress.k8s.aws/resource": "80:2",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ]
                }
              }
            }
            """),
        new Case(
            "conditions merge host and path values and add the other fields",
            w -> {
              w.ing()
                  .clearRules()
                  .rule("a.example.com", p("/app", "Exact", "web", 80))
                  .annotation(
                      "conditions.web",
                      """
                      [{"field": "host-header", "hostHeaderConfig": {"values": ["b.example.com"]}},
                       {"field": "http-header", "httpHeaderConfig":
                          {"httpHeaderName": "X-Canary", "values": ["true"]}},
                       {"Field": "query-string", "QueryStringConfig":
                          {"Values": [{"key": "v", "value": "2"}]}}]
                      """);
              return w;
            },
            """
            {
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "priority": 1,
                      "conditions": [
                        {
                          "field": "http-header",
                          "values": [
                            "true"
                          ],
                          "httpHeaderName": "X-Canary"
                        },
                        {
                          "field": "query-string",
                          "queryStrings": [
                            {
                              "key": "v",
                              "value": "2"
                            }
                          ]
                        },
                        {
                          "field": "host-header",
                          "values": [
                            "a.example.com",
                            "b.example.com"
                          ]
                        },
                        {
                          "field": "path-pattern",
                          "values": [
                            "/app"
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
                    }
                  ]
                }
              }
            }
            """),
        new Case(
            "conditions on a path-less rule: source-ip and method, no default /*",
            w -> {
              w.ing()
                  .clearRules()
                  .rule(
                      null,
                      new K8sIngress.Path(null, null, IngressWorld.Ing.backend("web", null, 80)))
                  .annotation(
                      "conditions.web",
                      """
                      [{"field": "source-ip", "sourceIpConfig": {"values": ["10.0.0.0/8"]}},
                       {"field": "http-request-method",
                        "httpRequestMethodConfig": {"Values": ["GET", "HEAD"]}}]
                      """);
              return w;
            },
            """
            {
              "listeners": {
                "80": {
                  "rules": [
                    {
                      "priority": 1,
                      "conditions": [
                        {
                          "field": "source-ip",
                          "values": [
                            "10.0.0.0/8"
                          ]
                        },
                        {
                          "field": "http-request-method",
                          "values": [
                            "GET",
                            "HEAD"
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
                    }
                  ]
                }
              }
            }
            """),
        action(
            "a fixed-response action (JSON keys in any case)",
            """
            {"Type": "fixed-response", "FixedResponseConfig":
              {"ContentType": "text/plain", "StatusCode": "418", "MessageBody": "teapot"}}
            """,
            """
            {
              "targetGroups": {
                "default/web-web:80": null
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
                          "type": "fixed-response",
                          "statusCode": "418",
                          "contentType": "text/plain",
                          "messageBody": "teapot"
                        }
                      ],
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ]
                }
              },
              "targets": {
                "default/web-web:80": null
              }
            }
            """),
        action(
            "a redirect action",
            """
            {"type": "redirect", "redirectConfig": {"host": "aws.amazon.com", "path": "/eks/",
              "port": "443", "protocol": "HTTPS", "query": "k=v", "statusCode": "HTTP_302"}}
            """,
            """
            {
              "targetGroups": {
                "default/web-web:80": null
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
                          "type": "redirect",
                          "protocol": "HTTPS",
                          "port": "443",
                          "host": "aws.amazon.com",
                          "path": "/eks/",
                          "query": "k=v",
                          "statusCode": "HTTP_302"
                        }
                      ],
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ]
                }
              },
              "targets": {
                "default/web-web:80": null
              }
            }
            """),
        action(
            "a forward to a target group ARN",
            "{\"type\": \"forward\", \"targetGroupARN\": \"arn:aws:elasticloadbalancing:tg/x\"}",
            """
            {
              "targetGroups": {
                "default/web-web:80": null
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
                                "arn": "arn:aws:elasticloadbalancing:tg/x"
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
                    }
                  ]
                }
              },
              "targets": {
                "default/web-web:80": null
              }
            }
            """),
        new Case(
            "a weighted forward to Services and an ARN, with stickiness",
            w -> {
              w.ing()
                  .clearRules()
                  .action("/", "Prefix", "split")
                  .annotation(
                      "actions.split",
                      """
                      {"type": "forward", "forwardConfig": {"targetGroups": [
                        {"serviceName": "web", "servicePort": "http", "weight": 60},
                        {"serviceName": "api", "servicePort": 80, "weight": 30},
                        {"targetGroupARN": "arn:aws:elasticloadbalancing:tg/x", "weight": 10}],
                       "targetGroupStickinessConfig": {"enabled": true, "durationSeconds": 300}}}
                      """);
              return IngressGroupGoldenTest.twoMembers(w);
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
                "default/web-web:80": null,
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
                "default/web-api:80": {
                  "resourceId": "default/web-api:80",
                  "name": "k8s-default-api-38392b67ad",
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
                    "ingress.k8s.aws/resource": "default/web-api:80",
                    "ingress.k8s.aws/stack": "shop"
                  }
                },
                "default/web-web:http": {
                  "resourceId": "default/web-web:http",
                  "name": "k8s-default-web-8d6d165a4e",
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
                    "ingress.k8s.aws/stack": "shop"
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
                        "ingress.k8s.aws/resource": "80:1",
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
                                "resourceId": "default/web-web:http"
                              },
                              "weight": 60
                            },
                            {
                              "targetGroup": {
                                "resourceId": "default/web-api:80"
                              },
                              "weight": 30
                            },
                            {
                              "targetGroup": {
                                "arn": "arn:aws:elasticloadbalancing:tg/x"
                              },
                              "weight": 10
                            }
                          ],
                          "stickinessDurationSeconds": 300
                        }
                      ],
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
              "targets": {
                "default/web-web:80": null,
                "default/api-api:80": [
                  {
                    "id": "10.0.3.30",
                    "port": 9090
                  }
                ],
                "default/web-api:80": [
                  {
                    "id": "10.0.3.30",
                    "port": 9090
                  }
                ],
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
              },
              "securityGroup": {
                "name": "k8s-shop-6a024defe3",
                "tags": {
                  "ingress.k8s.aws/stack": "shop"
                }
              }
            }
            """),
        new Case(
            "a use-annotation backend without its actions annotation answers 503",
            w -> {
              w.ing().clearRules().action("/", "Prefix", "nowhere");
              return w;
            },
            """
            {
              "targetGroups": {
                "default/web-web:80": null
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
                          "type": "fixed-response",
                          "statusCode": "503",
                          "contentType": "text/plain",
                          "messageBody": "Backend action does not exist"
                        }
                      ],
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ]
                }
              },
              "targets": {
                "default/web-web:80": null
              }
            }
            """),
        new Case(
            "a backend Service that does not exist answers 503",
            w -> {
              w.ing().clearRules().path("/", "Prefix", "missing", 80);
              return w;
            },
            """
            {
              "targetGroups": {
                "default/web-web:80": null
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
                          "type": "fixed-response",
                          "statusCode": "503",
                          "contentType": "text/plain",
                          "messageBody": "Backend service does not exist"
                        }
                      ],
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ]
                }
              },
              "targets": {
                "default/web-web:80": null
              }
            }
            """),
        new Case(
            "the legacy actions.ssl-redirect rule: no loop on HTTPS, shadowed rules dropped on HTTP",
            w -> {
              w.ing()
                  .clearRules()
                  .annotation("listen-ports", "[{\"HTTP\": 80}, {\"HTTPS\": 443}]")
                  .annotation("certificate-arn", "arn:cert-1")
                  .annotation(
                      "actions.ssl-redirect",
                      "{\"Type\": \"redirect\", \"RedirectConfig\": {\"Protocol\": \"HTTPS\","
                          + " \"Port\": \"443\", \"StatusCode\": \"HTTP_301\"}}")
                  .rule(
                      null,
                      new K8sIngress.Path(
                          "/*",
                          "ImplementationSpecific",
                          IngressWorld.Ing.backend("ssl-redirect", "use-annotation", null)),
                      p("/*", "ImplementationSpecific", "web", 80));
              return w;
            },
            """
            {
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
                          "type": "redirect",
                          "protocol": "HTTPS",
                          "port": "443",
                          "statusCode": "HTTP_301"
                        }
                      ],
                      "tags": {
                        "elbv2.k8s.aws/cluster": "my-cluster",
                        "ingress.k8s.aws/resource": "80:1",
                        "ingress.k8s.aws/stack": "default/web"
                      }
                    }
                  ]
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
            """));
  }

  private static Case action(String name, String json, String patch) {
    return new Case(
        name,
        w -> {
          w.ing().clearRules().action("/", "Prefix", "custom").annotation("actions.custom", json);
          return w;
        },
        patch);
  }
}
