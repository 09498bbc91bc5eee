package dev.polygraph.cli;

import dev.polygraph.scan.Version;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    System.exit(run(args, utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
  }

  /**
   * A writer on a standard stream in UTF-8 whatever the locale (under {@code LANG=C} Java's default
   * is ASCII, which would print "?" for every non-ASCII character). Written straight to the file
   * descriptor, not through {@code System.out}, whose PrintStream swallows write errors: a closed or
   * full stdout must surface through {@link PrintWriter#checkError()}.
   */
  private static PrintWriter utf8(FileDescriptor fd) {
    return new PrintWriter(
        new BufferedWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), 1 << 16), false);
  }

  /** Runs the CLI with the given streams; what tests call. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    try {
      return execute(args, out, err);
    } catch (VirtualMachineError e) {
      // Out of memory or stack outside any place that could turn it into a finding: one line, exit 2
      // (picocli would let it escape as a stack trace and exit 1, the code for "findings").
      err.println(exhausted(e));
      err.flush();
      out.flush();
      return EXIT_ERROR;
    }
  }

  /** The one line for a run the JVM's resources ended. */
  static String exhausted(VirtualMachineError e) {
    if (e instanceof OutOfMemoryError) {
      return "polygraph: out of memory: the scan needs more heap than the JVM has (-Xmx); no complete report";
    }
    if (e instanceof StackOverflowError) {
      return "polygraph: out of stack space: an input nests too deeply (-Xss); no complete report";
    }
    return "polygraph: the Java VM failed (" + e.getClass().getSimpleName() + "); no complete report";
  }

  private static int execute(String[] args, PrintWriter out, PrintWriter err) {
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
