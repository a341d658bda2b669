/**
 * The pod readiness gate webhook, LBC's {@code /mutate-v1-pod}: a new pod in a namespace labelled
 * {@code elbv2.k8s.aws/pod-readiness-gate-inject=enabled} gets a {@code
 * target-health.elbv2.k8s.aws/<binding>} readiness gate for every ip TargetGroupBinding whose
 * Service selects it. {@link dev.lbr.forwarder.webhook.PodReadinessGates} decides (pure), {@link
 * dev.lbr.forwarder.webhook.AdmissionHandler} answers AdmissionReviews, {@link
 * dev.lbr.forwarder.webhook.WebhookServer} serves them over HTTPS with keys {@link
 * dev.lbr.forwarder.webhook.WebhookTls} keeps in a Secret (its own CA, {@link
 * dev.lbr.forwarder.webhook.Certificates}), and {@link
 * dev.lbr.forwarder.webhook.PodReadinessWebhook} puts them together.
 */
package dev.lbr.forwarder.webhook;
