package dev.lbr.event;

import dev.lbr.k8s.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The constants of the forwarder → reconciler event contract. The CDK app builds its EventBridge
 * rule patterns from these, the forwarder stamps them on every event, the reconciler checks them.
 * See {@code docs/event-contract.md}.
 */
public final class EventContract {

  /** The envelope's {@code source}: every event the forwarder publishes. */
  public static final String SOURCE = "lbr.forwarder";

  /** The {@code detail-type} (and {@code detail.kind}) of the periodic inventory event. */
  public static final String INVENTORY_DETAIL_TYPE = "Inventory";

  /** The schema version the builders write. */
  public static final int SCHEMA_VERSION = 1;

  /** The schema versions the reconciler accepts. */
  public static final Set<Integer> SUPPORTED_SCHEMA_VERSIONS = Set.of(1);

  /** EventBridge's limit for one event; an envelope larger than this is rejected. */
  public static final int MAX_EVENT_BYTES = 256 * 1024;

  /** The standard EventBridge envelope version. */
  public static final String ENVELOPE_VERSION = "0";

  private EventContract() {}

  /** The detail-type of an object event: the kind's wire name. */
  public static String detailType(Kind kind) {
    return kind.wireName();
  }

  /** Every detail-type the forwarder publishes: one per kind, then the inventory. */
  public static List<String> detailTypes() {
    return Stream.concat(
            Arrays.stream(Kind.values()).map(EventContract::detailType),
            Stream.of(INVENTORY_DETAIL_TYPE))
        .toList();
  }

  /**
   * The detail-types the "targets" function consumes: EndpointSlice changes, and Pods (a gated
   * pod's containers turning ready makes it a target before it is Ready).
   */
  public static List<String> targetDetailTypes() {
    return List.of(detailType(Kind.ENDPOINT_SLICE), detailType(Kind.POD));
  }

  /** The detail-types the "reconcile" function consumes: everything the targets one does not. */
  public static List<String> reconcileDetailTypes() {
    return detailTypes().stream().filter(t -> !targetDetailTypes().contains(t)).toList();
  }
}
