package dev.lbr.infra;

import dev.lbr.event.EventContract;
import java.util.List;

/**
 * A path from the bus to a function through a queue: which detail-types it carries and which
 * handler consumes it. Both lists come from {@link EventContract}, as the forwarder's and the
 * handlers' do.
 */
enum Route {
  RECONCILE(
      "reconcile",
      "dev.lbr.functions.ReconcileHandler::handleRequest",
      EventContract.reconcileDetailTypes()),
  TARGETS(
      "targets",
      "dev.lbr.functions.TargetsHandler::handleRequest",
      EventContract.targetDetailTypes());

  final String id;
  final String handler;
  final List<String> detailTypes;

  Route(String id, String handler, List<String> detailTypes) {
    this.id = id;
    this.handler = handler;
    this.detailTypes = detailTypes;
  }
}
