package io.inspectr.app.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code inspectr} command line: the entry point of the runnable jar. */
@Command(
    name = "inspectr",
    mixinStandardHelpOptions = true,
    versionProvider = InspectrCommand.Version.class,
    description = "Finds outdated container images and tells people about them.",
    subcommands = {
      CheckCommand.class,
      ScanCommand.class,
      NotifyTestCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:fine", "2:usage, input or configuration error", "3:runtime failure"})
public final class InspectrCommand implements Runnable {
  /** Everything fine. */
  public static final int EXIT_OK = 0;

  /** Outdated images found and the caller asked to fail on them. */
  public static final int EXIT_OUTDATED = 1;

  /** Bad usage, bad input or bad configuration. */
  public static final int EXIT_USAGE = 2;

  /** Something failed at run time (I/O, a registry, a notifier). */
  public static final int EXIT_FAILURE = 3;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;

  /** The command line over the process environment. */
  public InspectrCommand() {
    this(System.getenv());
  }

  private InspectrCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given output streams; for tests and embedding.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, out, err, System.getenv());
  }

  /**
   * Runs the command line with the given output streams and environment; for tests and embedding.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @param environment the variables configuration is read from ({@code INSPECTR_*})
   * @return the exit code
   */
  public static int execute(
      String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
    CommandLine cli = new CommandLine(new InspectrCommand(environment));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("inspectr: " + e.getMessage());
          return EXIT_FAILURE;
        });
    return cli.execute(args);
  }

  /** The variables configuration is read from. */
  Map<String, String> environment() {
    return environment;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = InspectrCommand.class.getPackage().getImplementationVersion();
      return new String[] {"inspectr " + (version == null ? "development build" : version)};
    }
  }
}
