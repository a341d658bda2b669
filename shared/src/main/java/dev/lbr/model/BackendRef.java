package dev.lbr.model;

/**
 * The Service port a target group serves, as LBC's TargetGroupBinding {@code serviceRef} names it.
 *
 * @param port the Service port as the manifest references it: a number or a port name, as text
 */
public record BackendRef(String namespace, String service, String port) {}
