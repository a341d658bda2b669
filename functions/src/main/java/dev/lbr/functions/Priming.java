package dev.lbr.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lbr.event.ClusterEvent;
import dev.lbr.event.EventValidator;
import dev.lbr.event.ObjectEvent;
import dev.lbr.k8s.Json;
import dev.lbr.k8s.K8sObject;
import dev.lbr.model.StackId;
import dev.lbr.reconcile.Controller;
import dev.lbr.state.MemorySnapshotStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming. The functions run with SnapStart: Lambda initializes a published version once,
 * snapshots it, and starts every execution environment from the snapshot. Before the snapshot (the
 * CRaC {@code beforeCheckpoint} hook, which Lambda's runtime calls) this runs one reconcile pass
 * that writes nothing, {@link Controller#preview}, over a sample Service and EndpointSlice no
 * cluster has: the envelopes are parsed and validated, the stack is built and planned, and the SDK
 * clients make their first, read-only calls (EC2 subnets and security groups, ELBv2 load balancers
 * by tag, a DynamoDB GetItem). The classes and the compiled code of that path are then in the
 * snapshot, and the first event after a restore does not pay for them. An on-demand start never
 * calls the hook. A failure is logged and ignored: priming only saves time.
 */
final class Priming implements Resource {
  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);
  private static final StackId SAMPLE = StackId.service("lbr-priming", "lbr-priming");
  private static final List<String> ENVELOPES =
      List.of("priming-service.json", "priming-endpointslice.json");

  /** Lambda's CRaC context holds resources weakly: these keep them. */
  private static final List<Priming> REGISTERED = new ArrayList<>();

  private final Controller controller;
  private final String cluster;

  Priming(Controller controller, String cluster) {
    this.controller = controller;
    this.cluster = cluster;
  }

  /** Primes {@code controller} (of {@code cluster}) before the snapshot, if one is taken. */
  static synchronized void beforeSnapshot(Controller controller, String cluster) {
    Priming priming = new Priming(controller, cluster);
    REGISTERED.add(priming);
    Core.getGlobalContext().register(priming);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    long start = System.nanoTime();
    try {
      controller.preview(SAMPLE, MemorySnapshotStore.of(sampleObjects(cluster)));
      LOG.atInfo().addKeyValue("ms", Math.round((System.nanoTime() - start) / 1e6)).log("primed");
    } catch (RuntimeException e) {
      LOG.atWarn().addKeyValue("error", e.toString()).log("priming-failed");
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing: the clients reconnect on their own, the facts cache expires by the clock
  }

  /** The sample envelopes, for {@code cluster}, through the validator the handlers use. */
  static List<K8sObject> sampleObjects(String cluster) {
    EventValidator validator = new EventValidator(cluster);
    List<K8sObject> objects = new ArrayList<>();
    for (String name : ENVELOPES) {
      try (InputStream in = Priming.class.getResourceAsStream(name)) {
        ObjectNode envelope = (ObjectNode) Json.mapper().readTree(in);
        ((ObjectNode) envelope.get("detail")).put("cluster", cluster);
        ClusterEvent event = validator.parse(Json.write(envelope));
        objects.add(((ObjectEvent) event).object());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return objects;
  }
}
