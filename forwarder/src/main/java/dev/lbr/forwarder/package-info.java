/**
 * The in-cluster forwarder: informers on the kinds the reconciler reads, per-object coalescing, and
 * publishing to EventBridge in the event contract of {@code dev.lbr.event}.
 */
package dev.lbr.forwarder;
