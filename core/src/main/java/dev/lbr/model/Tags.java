package dev.lbr.model;

/** LBC's ownership tag keys ({@code pkg/deploy/tracking/provider.go} in LBC). */
public final class Tags {
  /** On every resource we create; write access is conditioned on it. */
  public static final String CLUSTER = "elbv2.k8s.aws/cluster";

  /** The {@code resource} tag value of a stack's load balancer. */
  public static final String LOAD_BALANCER_RESOURCE = "LoadBalancer";

  private Tags() {}
}
