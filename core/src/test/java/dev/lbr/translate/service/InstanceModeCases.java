package dev.lbr.translate.service;

import static dev.lbr.translate.service.ServiceAnnotation.*;

import dev.lbr.translate.service.ServiceModelBuilderGoldenTest.Case;
import java.util.stream.Stream;

/**
 * Instance-mode golden cases of {@link ServiceModelBuilderGoldenTest}, patches over the ip base.
 * The target group port is the NodePort (30080); targets are nodes a and b of {@link
 * Fixtures#nodes()} (c is NotReady, d excluded, e tainted). Names hash target type and ports.
 */
final class InstanceModeCases {
  private InstanceModeCases() {}

  /** Instance target group with the default (Cluster policy) health check. */
  private static final String CLUSTER =
      """
      {
        "targetGroups": {
          "default/echo:80": {
            "name": "k8s-default-echo-f9168931a9",
            "targetType": "instance",
            "port": 30080
          }
        },
        "targets": {
          "default/echo:80": [
            {"id": "i-0a", "port": 30080},
            {"id": "i-0b", "port": 30080}
          ]
        }
      }
      """;

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "instance mode registers the eligible nodes on the NodePort",
            s -> Fixtures.instanceService(),
            CLUSTER),
        new Case(
            "loadBalancerClass without a target type defaults to instance",
            s -> Fixtures.instanceService().annotation(TARGET_TYPE, null),
            CLUSTER),
        new Case(
            "external with target type instance",
            s -> Fixtures.instanceService().lbClass(null).annotation(LB_TYPE, "external"),
            CLUSTER),
        new Case(
            "instance mode with Local policy checks /healthz on the healthCheckNodePort",
            s -> Fixtures.instanceService().local(32456),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "name": "k8s-default-echo-007b391dc4",
                  "targetType": "instance",
                  "port": 30080,
                  "healthCheck": {
                    "protocol": "HTTP",
                    "port": "32456",
                    "path": "/healthz",
                    "intervalSeconds": 10,
                    "timeoutSeconds": 6,
                    "healthyThreshold": 2,
                    "unhealthyThreshold": 2,
                    "matcher": "200-399"
                  }
                }
              },
              "targets": {
                "default/echo:80": [
                  {"id": "i-0a", "port": 30080},
                  {"id": "i-0b", "port": 30080}
                ]
              }
            }
            """),
        new Case(
            "annotations override the Local policy's health check",
            s ->
                Fixtures.instanceService()
                    .local(32456)
                    .annotation(HC_PROTOCOL, "tcp")
                    .annotation(HC_PORT, "traffic-port")
                    .annotation(HC_INTERVAL, "30"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "name": "k8s-default-echo-bf6f4c022b",
                  "targetType": "instance",
                  "port": 30080,
                  "healthCheck": {
                    "intervalSeconds": 30,
                    "timeoutSeconds": 6,
                    "healthyThreshold": 2,
                    "unhealthyThreshold": 2
                  }
                }
              },
              "targets": {
                "default/echo:80": [
                  {"id": "i-0a", "port": 30080},
                  {"id": "i-0b", "port": 30080}
                ]
              }
            }
            """),
        new Case(
            "target-node-labels keeps only the matching nodes",
            s -> Fixtures.instanceService().annotation(TARGET_NODE_LABELS, "role=web"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "name": "k8s-default-echo-f9168931a9",
                  "targetType": "instance",
                  "port": 30080
                }
              },
              "targets": {
                "default/echo:80": [
                  {"id": "i-0b", "port": 30080}
                ]
              }
            }
            """),
        new Case(
            "a named healthcheck-port is that port's NodePort in instance mode",
            s ->
                Fixtures.instanceService()
                    .clearPorts()
                    .port("http", "TCP", 80, "8080", 30080)
                    .annotation(HC_PORT, "http"),
            """
            {
              "targetGroups": {
                "default/echo:80": {
                  "name": "k8s-default-echo-f9168931a9",
                  "targetType": "instance",
                  "port": 30080,
                  "healthCheck": {
                    "port": "30080"
                  }
                }
              },
              "targets": {
                "default/echo:80": [
                  {"id": "i-0a", "port": 30080},
                  {"id": "i-0b", "port": 30080}
                ]
              }
            }
            """));
  }
}
