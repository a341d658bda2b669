package dev.lbr.model;

/**
 * One port of a target group's networking (LBC's {@code NetworkingPort}): {@code tcp} or {@code
 * udp}, and a port; {@code null} means the targets' own ports (ip targets: the pod ports, which a
 * named {@code targetPort} resolves to).
 */
public record NetworkingPort(String protocol, Integer port) {
  public static NetworkingPort tcp(int port) {
    return new NetworkingPort("tcp", port);
  }
}
