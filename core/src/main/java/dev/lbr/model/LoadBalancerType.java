package dev.lbr.model;

public enum LoadBalancerType {
  NETWORK("network"),
  APPLICATION("application");

  private final String api;

  LoadBalancerType(String api) {
    this.api = api;
  }

  /** The ELBv2 API value. */
  public String api() {
    return api;
  }

  public static LoadBalancerType fromApi(String value) {
    for (LoadBalancerType t : values()) {
      if (t.api.equalsIgnoreCase(value)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown load balancer type: " + value);
  }
}
