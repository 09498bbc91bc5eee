package dev.polygraph.cli;

import dev.polygraph.scan.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage,
 * no readable input or an internal error (picocli's own default of 1 for exceptions would collide
 * with "findings").
 */
@Command(
    name = "polygraph",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Proves or refutes what Amazon EKS needs from the IAM roles of its worker nodes.",
    subcommands = {ScanCommand.class, RulesCommand.class, ExplainCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FINDINGS = 1;
  public static final int EXIT_ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; what tests call. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExitCodeExceptionMapper(e -> EXIT_ERROR);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean debug = parseResult.hasMatchedOption("--debug")
              || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--debug"));
          commandLine.getErr().println("polygraph: internal error: " + e + (debug ? "" : " (run with --debug for details)"));
          if (debug) {
            e.printStackTrace(commandLine.getErr());
          }
          commandLine.getErr().flush();
          return EXIT_ERROR;
        });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("polygraph: missing command: scan, rules or explain");
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_ERROR;
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"polygraph " + Version.current()};
    }
  }
}
