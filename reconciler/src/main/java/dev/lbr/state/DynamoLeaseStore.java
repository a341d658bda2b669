package dev.lbr.state;

import dev.lbr.model.StackId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Per-stack leases of one cluster on the state table: one partition per cluster, one item per held
 * lease, keyed by stack id. Expiry is judged by the injected clock (callers share a time source:
 * Lambda hosts keep NTP time); the item also gets a TTL an hour after its expiry, so abandoned
 * leases disappear.
 *
 * <p>{@link #release} returns true when the lease is no longer ours: it expired and another owner
 * took it. Nothing is deleted then; the new holder reconciles from the stored snapshots anyway, so
 * a dirty mark it may carry is honoured by that holder, not lost.
 *
 * <p>Every write is safe to retry after a lost reply (the SDK retries a dropped connection): the
 * token is made before the conditional put, and a failed condition is judged by the item it failed
 * on ({@code ReturnValuesOnConditionCheckFailure.ALL_OLD}, or a read where an endpoint does not
 * return it). Our token there means our earlier write happened: the lease is ours, not busy.
 */
public final class DynamoLeaseStore implements LeaseStore {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoLeaseStore.class);

  /** How long an expired lease item stays readable (for operators) before TTL may remove it. */
  static final Duration TTL_GRACE = Duration.ofHours(1);

  static final String OWNER = "owner";
  static final String TOKEN = "token";
  static final String DIRTY = "dirty";

  /** Lease expiry in epoch milliseconds (the TTL attribute has only seconds). */
  static final String UNTIL = "leaseUntil";

  /** A few rounds cover a lease that is released or expires between our two calls. */
  private static final int ATTEMPTS = 5;

  private static final AttributeValue TRUE = AttributeValue.fromBool(true);
  private static final AttributeValue FALSE = AttributeValue.fromBool(false);

  private final Partition leases;
  private final Clock clock;

  public DynamoLeaseStore(DynamoDbClient ddb, String table, String cluster, Clock clock) {
    this.leases = Partition.of(ddb, table, cluster, "lease");
    this.clock = clock;
  }

  @Override
  public Acquisition acquire(StackId id, String owner, Duration ttl) {
    requirePositive(ttl);
    Objects.requireNonNull(owner, "owner");
    // One token for every attempt: a retried put whose first reply was lost finds it stored.
    String token = UUID.randomUUID().toString();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      var lease = new Lease(id, owner, token, stored(now.plus(ttl)));
      Map<String, AttributeValue> stored = takeIfFree(lease, now);
      if (stored == null) {
        return new Acquisition.Taken(lease);
      }
      if (isOurs(stored, token)) {
        LOG.atInfo().addKeyValue("stack", id).addKeyValue("note", "ours").log("lease-reply-lost");
        return new Acquisition.Taken(new Lease(id, owner, token, until(stored)));
      }
      Map<String, AttributeValue> held = markDirtyIfHeld(id, now);
      if (held != null) {
        return new Acquisition.Held(id, held.get(OWNER).s(), until(held));
      }
    }
    throw new ConcurrentUpdateException("the lease of " + id + " kept changing hands; retry");
  }

  @Override
  public Optional<Lease> extend(Lease lease, Duration ttl) {
    requirePositive(ttl);
    Instant until = stored(clock.instant().plus(ttl));
    Map<String, AttributeValue> expiry = expiry(until);
    try {
      leases.update(
          lease.stackId().value(),
          b ->
              b.updateExpression("SET #until = :until, #expiresAt = :expiresAt")
                  .conditionExpression("#token = :token")
                  .expressionAttributeNames(
                      Map.of("#until", UNTIL, "#expiresAt", StateTable.EXPIRES_AT, "#token", TOKEN))
                  .expressionAttributeValues(
                      Map.of(
                          ":until", expiry.get(UNTIL),
                          ":expiresAt", expiry.get(StateTable.EXPIRES_AT),
                          ":token", AttributeValue.fromS(lease.token()))));
      return Optional.of(new Lease(lease.stackId(), lease.owner(), lease.token(), until));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean release(Lease lease, Duration ttl) {
    requirePositive(ttl);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Map<String, AttributeValue> stored;
      try {
        leases.delete(
            lease.stackId().value(),
            b ->
                b.conditionExpression("#token = :token AND #dirty = :false")
                    .expressionAttributeNames(Map.of("#token", TOKEN, "#dirty", DIRTY))
                    .expressionAttributeValues(
                        Map.of(":token", AttributeValue.fromS(lease.token()), ":false", FALSE))
                    .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD));
        return true;
      } catch (ConditionalCheckFailedException e) {
        stored = e.hasItem() ? e.item() : read(lease.stackId());
      }
      if (!isOurs(stored, lease.token())) {
        // Gone (our own delete whose reply was lost, retried) or taken over: nothing to release.
        return true;
      }
      if (keepDirty(lease, ttl)) {
        return false;
      }
    }
    throw new ConcurrentUpdateException(
        "the lease of " + lease.stackId() + " kept changing; retry");
  }

  /** Null when the lease was taken; otherwise the item that holds it. */
  private Map<String, AttributeValue> takeIfFree(Lease lease, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(leases.key(lease.stackId().value()));
    item.put(OWNER, AttributeValue.fromS(lease.owner()));
    item.put(TOKEN, AttributeValue.fromS(lease.token()));
    item.put(DIRTY, FALSE);
    item.putAll(expiry(lease.expiresAt()));
    try {
      leases.put(
          item,
          b ->
              b.conditionExpression("attribute_not_exists(#pk) OR #until <= :now")
                  .expressionAttributeNames(Map.of("#pk", StateTable.PK, "#until", UNTIL))
                  .expressionAttributeValues(Map.of(":now", millis(now)))
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return null;
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> stored = e.hasItem() ? e.item() : read(lease.stackId());
      return stored == null ? Map.of() : stored;
    } catch (SdkException e) {
      // The outcome is unknown (the SDK's retries ran out, or the reply was lost with no retry):
      // read it back. Ours: we hold the lease. Otherwise the put did not happen: report the error.
      Map<String, AttributeValue> stored;
      try {
        stored = read(lease.stackId());
      } catch (SdkException unreadable) {
        e.addSuppressed(unreadable);
        throw e;
      }
      if (stored != null && isOurs(stored, lease.token())) {
        return stored;
      }
      throw e;
    }
  }

  /** The item after marking it dirty, or null if it was released or expired in between. */
  private Map<String, AttributeValue> markDirtyIfHeld(StackId id, Instant now) {
    try {
      return leases
          .update(
              id.value(),
              b ->
                  b.updateExpression("SET #dirty = :true")
                      .conditionExpression("#until > :now")
                      .expressionAttributeNames(Map.of("#dirty", DIRTY, "#until", UNTIL))
                      .expressionAttributeValues(Map.of(":true", TRUE, ":now", millis(now)))
                      .returnValues(ReturnValue.ALL_NEW))
          .attributes();
    } catch (ConditionalCheckFailedException e) {
      return null;
    }
  }

  /**
   * Clears the dirty mark of our lease and extends it to now + ttl. True when the mark is cleared:
   * by this call, or by an earlier one whose reply was lost (only the holder clears the mark).
   */
  private boolean keepDirty(Lease lease, Duration ttl) {
    Map<String, AttributeValue> expiry = expiry(clock.instant().plus(ttl));
    try {
      leases.update(
          lease.stackId().value(),
          b ->
              b.updateExpression("SET #dirty = :false, #until = :until, #expiresAt = :expiresAt")
                  .conditionExpression("#token = :token AND #dirty = :true")
                  .expressionAttributeNames(
                      Map.of(
                          "#dirty", DIRTY,
                          "#until", UNTIL,
                          "#expiresAt", StateTable.EXPIRES_AT,
                          "#token", TOKEN))
                  .expressionAttributeValues(
                      Map.of(
                          ":false", FALSE,
                          ":true", TRUE,
                          ":until", expiry.get(UNTIL),
                          ":expiresAt", expiry.get(StateTable.EXPIRES_AT),
                          ":token", AttributeValue.fromS(lease.token())))
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return true;
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> stored = e.hasItem() ? e.item() : read(lease.stackId());
      return isOurs(stored, lease.token()) && !stored.get(DIRTY).bool();
    }
  }

  private static boolean isOurs(Map<String, AttributeValue> stored, String token) {
    return stored != null && stored.containsKey(TOKEN) && token.equals(stored.get(TOKEN).s());
  }

  private static Instant until(Map<String, AttributeValue> item) {
    return Instant.ofEpochMilli(Long.parseLong(item.get(UNTIL).n()));
  }

  /** The stored lease item, or null. */
  private Map<String, AttributeValue> read(StackId id) {
    return leases.get(id.value());
  }

  private static Map<String, AttributeValue> expiry(Instant until) {
    return Map.of(
        UNTIL,
        millis(until),
        StateTable.EXPIRES_AT,
        AttributeValue.fromN(Long.toString(until.plus(TTL_GRACE).getEpochSecond())));
  }

  /** An expiry as the item stores it: to the millisecond. */
  private static Instant stored(Instant until) {
    return until.truncatedTo(ChronoUnit.MILLIS);
  }

  private static AttributeValue millis(Instant instant) {
    return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
  }

  private static void requirePositive(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease needs a positive ttl, not " + ttl);
    }
  }
}
