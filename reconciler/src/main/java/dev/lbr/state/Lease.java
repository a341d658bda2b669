package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Instant;

/** Exclusive right to reconcile one stack until {@code expiresAt}. {@code token} fences writes. */
public record Lease(StackId stackId, String owner, String token, Instant expiresAt) {}
