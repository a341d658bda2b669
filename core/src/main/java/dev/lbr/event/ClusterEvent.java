package dev.lbr.event;

/** A validated event from one cluster's forwarder. */
public sealed interface ClusterEvent permits ObjectEvent, InventoryEvent {

  /** The cluster name the forwarder stamped on the event. */
  String cluster();
}
