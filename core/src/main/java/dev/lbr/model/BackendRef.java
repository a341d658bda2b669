package dev.lbr.model;

/**
 * The Service port a target group serves, as LBC's TargetGroupBinding {@code serviceRef} names it.
 *
 * @param port the Service port as the manifest references it: a number or a port name, as text
 * @param targetPort that port's {@code targetPort} (a number or a container port name, as text;
 *     null when unknown): the ports ip targets listen on
 */
public record BackendRef(String namespace, String service, String port, String targetPort) {}
