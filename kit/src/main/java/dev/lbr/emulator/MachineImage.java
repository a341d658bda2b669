package dev.lbr.emulator;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/** The machine image the scenario nodes run (any Amazon Linux 2 one), and waiting for them. */
public final class MachineImage {
  private static String id;

  private MachineImage() {}

  /** Looked up once per JVM: the emulator's image catalogue does not change. */
  public static synchronized String id(Ec2Client ec2) {
    if (id == null) {
      id =
          ec2
              .describeImages(
                  r ->
                      r.owners("amazon")
                          .filters(Filter.builder().name("name").values("amzn2-ami-hvm-*").build()))
              .images()
              .stream()
              .map(Image::imageId)
              .sorted()
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no Amazon Linux 2 image to run"));
    }
    return id;
  }

  /** Polls until the instance is running (at once on moto), for up to a minute. */
  public static void awaitRunning(Ec2Client ec2, String instanceId) {
    for (int attempt = 0; attempt < 60; attempt++) {
      InstanceStateName state =
          ec2.describeInstances(r -> r.instanceIds(instanceId))
              .reservations()
              .getFirst()
              .instances()
              .getFirst()
              .state()
              .name();
      if (state == InstanceStateName.RUNNING) {
        return;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + instanceId, e);
      }
    }
    throw new IllegalStateException(instanceId + " is not running after a minute");
  }
}
