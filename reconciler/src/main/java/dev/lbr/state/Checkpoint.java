package dev.lbr.state;

import dev.lbr.model.NetworkState;
import dev.lbr.model.StackId;
import dev.lbr.model.Target;
import dev.lbr.model.TargetSource;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What we last did to a stack and what it owns. Written after every reconcile; {@code version}
 * guards against concurrent writers (optimistic locking, 0 = never stored).
 *
 * @param inputHash hash of the stack's spec-side inputs (Service, Ingress, classes; not the
 *     EndpointSlices) and the facts they were built with
 * @param desiredHash hash of the desired model last applied
 * @param resources ARN by resource key: {@code LoadBalancer}, target group resource ids, and {@code
 *     listener/<port>}
 * @param targets the targets we registered, by target group resource id
 * @param verifiedAt when the actual state was last read and found to match
 * @param network the targets' networking in effect and their endpoint security groups
 * @param sources where each target group's targets come from, by target group resource id, as the
 *     last valid spec says (empty in checkpoints written before they were kept)
 * @param refused target ids refused as not the cluster's, with why: not registered, and not asked
 *     again by a targets-only pass (a full pass asks again)
 * @param attributeHashes by target group resource id, a hash of the attributes the pass that wrote
 *     the checkpoint asked for and left it with: while the checkpoint is trusted, a full pass whose
 *     target group asks for the same need not read them back (empty in checkpoints written before)
 */
public record Checkpoint(
    StackId stackId,
    long version,
    Status status,
    String inputHash,
    String desiredHash,
    Map<String, String> resources,
    Map<String, Set<Target>> targets,
    String lastError,
    Instant updatedAt,
    Instant verifiedAt,
    NetworkState network,
    Map<String, TargetSource> sources,
    Map<String, String> refused,
    Map<String, String> attributeHashes) {

  public Checkpoint {
    resources = resources == null ? Map.of() : Map.copyOf(resources);
    targets = targets == null ? Map.of() : copyOfTargets(targets);
    network = network == null ? NetworkState.NONE : network;
    sources = sources == null ? Map.of() : Map.copyOf(sources);
    refused = refused == null ? Map.of() : Map.copyOf(refused);
    attributeHashes = attributeHashes == null ? Map.of() : Map.copyOf(attributeHashes);
  }

  public Checkpoint withNetwork(NetworkState newNetwork) {
    return copy(version, status, targets, lastError, updatedAt, newNetwork, refused);
  }

  public enum Status {
    /** Mutations are under way (or were interrupted): the tracked state cannot be trusted. */
    IN_PROGRESS,
    /** The last reconcile converged. */
    OK,
    /** The user's input is invalid; nothing was changed. */
    INVALID,
    /** The last reconcile failed with an error that will be retried. */
    FAILED
  }

  public static Checkpoint initial(StackId id) {
    return new Checkpoint(
        id,
        0,
        Status.IN_PROGRESS,
        null,
        null,
        Map.of(),
        Map.of(),
        null,
        null,
        null,
        NetworkState.NONE,
        Map.of(),
        Map.of(),
        Map.of());
  }

  public Checkpoint withStatus(Status newStatus, Instant at) {
    return copy(version, newStatus, targets, lastError, at, network, refused);
  }

  public Checkpoint withError(Status newStatus, String error, Instant at) {
    return copy(version, newStatus, targets, error, at, network, refused);
  }

  public Checkpoint withTargets(
      Map<String, Set<Target>> newTargets, Status newStatus, String error, Instant at) {
    return copy(version, newStatus, newTargets, error, at, network, refused);
  }

  /** The same checkpoint at another version: what a store returns after writing it. */
  public Checkpoint withVersion(long newVersion) {
    return copy(newVersion, status, targets, lastError, updatedAt, network, refused);
  }

  /** The same checkpoint with these refused targets. */
  public Checkpoint withRefused(Map<String, String> newRefused) {
    return copy(version, status, targets, lastError, updatedAt, network, newRefused);
  }

  /**
   * Whether a pass may trust this checkpoint instead of reading AWS: it converged, from the same
   * inputs, and was verified against AWS within {@code freshness}.
   */
  public boolean trusted(String currentInputHash, java.time.Duration freshness, Instant now) {
    return status == Status.OK
        && currentInputHash.equals(inputHash)
        && verifiedAt != null
        && verifiedAt.plus(freshness).isAfter(now);
  }

  /** The ids (pod IPs, instance ids) of every target we registered. */
  public Set<String> targetIds() {
    Set<String> ids = new TreeSet<>();
    targets.values().forEach(set -> set.forEach(t -> ids.add(t.id())));
    return ids;
  }

  private static Map<String, Set<Target>> copyOfTargets(Map<String, Set<Target>> targets) {
    Map<String, Set<Target>> copy = new TreeMap<>();
    targets.forEach((tg, set) -> copy.put(tg, Collections.unmodifiableSet(new TreeSet<>(set))));
    return Collections.unmodifiableMap(copy);
  }

  /** The one copy: what a transition may change is given, everything else is kept. */
  private Checkpoint copy(
      long newVersion,
      Status newStatus,
      Map<String, Set<Target>> newTargets,
      String error,
      Instant at,
      NetworkState newNetwork,
      Map<String, String> newRefused) {
    return new Checkpoint(
        stackId,
        newVersion,
        newStatus,
        inputHash,
        desiredHash,
        resources,
        newTargets,
        error,
        at,
        verifiedAt,
        newNetwork,
        sources,
        newRefused,
        attributeHashes);
  }
}
