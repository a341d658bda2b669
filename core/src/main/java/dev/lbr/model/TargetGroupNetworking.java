package dev.lbr.model;

import java.util.List;

/**
 * Who may reach one target group's targets, on which ports: the {@code networking} of LBC's
 * TargetGroupBinding. Each peer is a security group id, {@link #BACKEND} (the cluster's shared
 * backend security group, resolved when the pass knows its id) or a CIDR.
 */
public record TargetGroupNetworking(
    String targetGroup, String targetType, List<NetworkingPort> ports, List<String> peers) {
  /** The peer that stands for the cluster's backend security group until its id is known. */
  public static final String BACKEND = "backend";

  public TargetGroupNetworking {
    ports = List.copyOf(ports);
    peers = List.copyOf(peers);
  }

  /** The same networking with {@link #BACKEND} replaced by the group's id. */
  public TargetGroupNetworking withBackend(String groupId) {
    return new TargetGroupNetworking(
        targetGroup,
        targetType,
        ports,
        peers.stream().map(p -> p.equals(BACKEND) ? groupId : p).toList());
  }
}
