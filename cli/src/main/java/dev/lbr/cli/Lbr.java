package dev.lbr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code lbr}: runs the reconciler's handler code on a workstation, against a real account or an
 * emulator; {@code serve} runs the whole AWS side on an emulator for a local cluster. Exit status:
 * 0 everything reconciled; 2 some input invalid (the valid stacks are still reconciled); 3 ({@code
 * drift}) the circuit breaker refused garbage collection; 1 any other failure.
 */
@Command(
    name = "lbr",
    mixinStandardHelpOptions = true,
    version = "lbr 0.1.0",
    description =
        "Serverless AWS Load Balancer Controller: plan, apply, describe, drift, demo, serve.",
    subcommands = {
      ApplyCommand.class,
      PlanCommand.class,
      DescribeCommand.class,
      DriftCommand.class,
      DemoCommand.class,
      ServeCommand.class
    })
public final class Lbr implements Runnable {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int INVALID_INPUT = 2;

  /** {@code lbr drift}: the circuit breaker refused garbage collection (nothing was deleted). */
  public static final int BREAKER_TRIPPED = 3;

  /**
   * {@code lbr apply}: a stack's lease was held by someone else (e.g. a running {@code lbr serve}),
   * so this run did not change it; the holder was marked dirty and runs it again.
   */
  public static final int BUSY = 4;

  /**
   * {@code lbr apply}: a deletion was held by the event path's bounds (the deletion budget, or a
   * refused inventory); nothing was deleted and drift garbage collection will collect it after its
   * grace. {@code LBR_FORCE_DELETES=true} overrides, audited ({@code docs/operations.md}).
   */
  public static final int HELD = 5;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit status (tests call this). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Lbr());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("lbr: " + e.getMessage());
          return FAILED;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
