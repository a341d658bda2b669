package dev.lbr.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbr.model.StackId;
import dev.lbr.testing.DynamoDbLocalServer;
import dev.lbr.testing.MutableClock;
import dev.lbr.testing.ReplyDropper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB write that happened but whose reply was lost (the connection dropped after DynamoDB
 * Local answered), retried by the SDK, gives the answer the first call would have given. The lease
 * calls go over HTTP through a {@link ReplyDropper} to DynamoDB Local running as a server.
 */
class LeaseLostReplyTest {
  private static final StackId ECHO = StackId.service("default", "echo");
  private static final Duration TTL = Duration.ofSeconds(10);
  private static final String LEASE_ITEM = "prod#lease";

  private final ReplyDropper proxy = new ReplyDropper(DynamoDbLocalServer.endpoint());
  private final DynamoDbClient ddb = DynamoDbLocalServer.client(proxy.endpoint());
  private final String table = DynamoDbLocalServer.freshTable(ddb);
  private final MutableClock clock = MutableClock.start();
  private final DynamoLeaseStore leases = new DynamoLeaseStore(ddb, table, "prod", clock);

  @AfterEach
  void closeProxy() {
    proxy.close();
    ddb.close();
  }

  @Test
  void aLeaseWhosePutReplyWasLostIsOursNotBusy() {
    proxy.dropNextReplyTo("DynamoDB_20120810.PutItem", LEASE_ITEM);

    Acquisition acquisition = leases.acquire(ECHO, "holder", TTL);

    assertThat(proxy.dropped()).isEqualTo(1);
    assertThat(proxy.matchingRequests()).as("the put that happened, and its retry").isEqualTo(2);
    assertThat(acquisition).isInstanceOf(Acquisition.Taken.class);
    Lease lease = ((Acquisition.Taken) acquisition).lease();
    assertThat(rawLease().get(DynamoLeaseStore.TOKEN).s()).isEqualTo(lease.token());
    assertThat(rawLease().get(DynamoLeaseStore.DIRTY).bool()).as("not marked by itself").isFalse();
    assertThat(leases.release(lease, TTL)).isTrue();
    assertThat(rawLease()).isEmpty();
  }

  @Test
  void aReleaseWhoseDeleteReplyWasLostIsReleased() {
    Lease lease = leases.tryAcquire(ECHO, "holder", TTL).orElseThrow();
    proxy.dropNextReplyTo("DynamoDB_20120810.DeleteItem", LEASE_ITEM);

    assertThat(leases.release(lease, TTL)).isTrue();

    assertThat(proxy.dropped()).isEqualTo(1);
    assertThat(rawLease()).isEmpty();
    assertThat(leases.tryAcquire(ECHO, "next", TTL)).isPresent();
  }

  @Test
  void aDirtyMarkClearedByAWriteWhoseReplyWasLostStillMeansRunAgain() {
    Lease lease = leases.tryAcquire(ECHO, "holder", TTL).orElseThrow();
    assertThat(leases.acquire(ECHO, "latecomer", TTL)).isInstanceOf(Acquisition.Held.class);
    proxy.dropNextReplyTo("DynamoDB_20120810.UpdateItem", LEASE_ITEM);

    assertThat(leases.release(lease, TTL)).as("kept: the holder must run again").isFalse();

    assertThat(proxy.dropped()).isEqualTo(1);
    assertThat(rawLease().get(DynamoLeaseStore.DIRTY).bool()).isFalse();
    assertThat(leases.release(lease, TTL)).isTrue();
  }

  @Test
  void aHeartbeatWhoseReplyWasLostStillExtendsTheLease() {
    Lease lease = leases.tryAcquire(ECHO, "holder", TTL).orElseThrow();
    clock.advance(Duration.ofSeconds(3));
    proxy.dropNextReplyTo("DynamoDB_20120810.UpdateItem", LEASE_ITEM);

    assertThat(leases.extend(lease, TTL)).isPresent();

    assertThat(proxy.dropped()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(8));
    assertThat(leases.acquire(ECHO, "latecomer", TTL)).isInstanceOf(Acquisition.Held.class);
  }

  private Map<String, AttributeValue> rawLease() {
    return ddb.getItem(
            b ->
                b.tableName(table)
                    .key(StateKeys.key(StateKeys.partition("prod", "lease"), ECHO.value()))
                    .consistentRead(true))
        .item();
  }
}
