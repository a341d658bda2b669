/**
 * The write-back: stack results from the cluster's status queue (SQS) applied to the cluster as LBC
 * would: load balancer status, a {@code LoadBalancerReconciled} condition on Services, events,
 * finalizers and TargetGroupBindings. Only the leader polls. Pure parts ({@link
 * dev.lbr.forwarder.status.StatusPatch}, {@code Finalizers}, {@code LoadBalancerStatus}, {@code
 * ReconciledCondition}, {@link dev.lbr.forwarder.status.StackRef}) compute merge patches; {@link
 * dev.lbr.forwarder.status.KubeRest} sends them.
 */
package dev.lbr.forwarder.status;
