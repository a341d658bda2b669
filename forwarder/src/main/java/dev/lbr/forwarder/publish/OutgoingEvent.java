package dev.lbr.forwarder.publish;

import dev.lbr.k8s.ObjectKey;

/**
 * A contract envelope ready to publish. {@code key} is the object it is about (null for an
 * inventory), {@code subject} names it in logs and errors.
 */
public record OutgoingEvent(ObjectKey key, String subject, String envelope) {}
