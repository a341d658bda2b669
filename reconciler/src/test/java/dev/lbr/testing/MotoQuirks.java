package dev.lbr.testing;

import dev.lbr.aws.ElbGateway;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * Test-only detours around moto behaviour that real ELBv2 and EC2 do not have (docs/design.md,
 * "Where the emulator differs from AWS"). Each one is a no-op unless the tests run against moto, so
 * the production code keeps AWS's semantics.
 */
public final class MotoQuirks {
  /** Free in the tests' listeners; rules pass through here on their way to their new priority. */
  static final int TRANSIT_PRIORITY = 30000;

  private MotoQuirks() {}

  /**
   * moto models no delegated prefixes and has no {@code network-interface.ipv4-prefixes.*} / {@code
   * ipv6-prefixes.*} filter on {@code DescribeInstances} (it fails the call). On moto, such a call
   * is made for an instance id nothing has, so it answers what moto holds: no prefix. Elsewhere, no
   * detour.
   */
  public static List<ExecutionInterceptor> noDelegatedPrefixes() {
    if (!AwsEmulator.setting().equalsIgnoreCase("moto")) {
      return List.of();
    }
    return List.of(
        new ExecutionInterceptor() {
          @Override
          public SdkRequest modifyRequest(
              Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (context.request() instanceof DescribeInstancesRequest r
                && r.filters().stream().anyMatch(f -> f.name().contains("-prefixes."))) {
              return r.toBuilder()
                  .filters(
                      Filter.builder().name("instance-id").values("i-0000000000000000").build())
                  .build();
            }
            return context.request();
          }
        });
  }

  /**
   * moto's {@code SetRulePriorities} refuses a priority any rule of the listener holds when the
   * call starts, even one the same call moves away, so it cannot swap rules or shift them down in
   * one call as AWS (and LBC) do. On moto, each call is made in two: every rule to the transit
   * range, then every rule to its priority.
   */
  public static ElbGateway ruleMovesInSteps(ElbGateway elb) {
    if (!AwsEmulator.setting().equalsIgnoreCase("moto")) {
      return elb;
    }
    return (ElbGateway)
        Proxy.newProxyInstance(
            ElbGateway.class.getClassLoader(),
            new Class<?>[] {ElbGateway.class},
            (proxy, method, args) -> {
              if (method.getName().equals("setRulePriorities")) {
                @SuppressWarnings("unchecked")
                Map<String, Integer> priorities = (Map<String, Integer>) args[0];
                Map<String, Integer> transit = new LinkedHashMap<>();
                priorities
                    .keySet()
                    .forEach(arn -> transit.put(arn, TRANSIT_PRIORITY + transit.size()));
                elb.setRulePriorities(transit);
                elb.setRulePriorities(priorities);
                return null;
              }
              try {
                return method.invoke(elb, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
