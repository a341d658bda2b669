/**
 * The Kubernetes side of the forwarder: one informer factory on the six kinds the reconciler reads,
 * projection to the event contract, and the filter that decides what reaches the {@link
 * dev.lbr.forwarder.ChangeSink}.
 */
package dev.lbr.forwarder.kube;
