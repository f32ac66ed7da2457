package org.detentionaudit.jobs;

import java.io.PrintWriter;
import org.detentionaudit.core.InputException;
import org.detentionaudit.rules.RuleCatalogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code detention-audit}: the command line and the {@code spark-submit} main class.
 *
 * <p>User-fixable problems (bad input, bad rules file, bad options) print one paragraph to stderr
 * and exit 2, with the stack trace only in the log. Anything else is a bug: a short message, the
 * stack trace in the log, exit 3.
 */
@Command(
    name = "detention-audit",
    mixinStandardHelpOptions = true,
    versionProvider = DetentionAuditMain.Version.class,
    subcommands = {AuditCommand.class, CompareCommand.class, GenerateCommand.class},
    description = "Audit the data quality of ICE detention records.")
public final class DetentionAuditMain implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DetentionAuditMain.class);

  public static void main(String[] args) {
    int status = execute(args);
    System.exit(status);
  }

  /** Runs the command line and returns the exit status without exiting. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given console streams (for tests and embedding). */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new DetentionAuditMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          Throwable userError = findUserError(e);
          if (userError != null) {
            LOG.warn("Input or usage error", e);
            commandLine.getErr().println(userError.getMessage());
            commandLine.getErr().flush();
            return ExitCodes.USAGE_OR_INPUT;
          }
          LOG.error("detention-audit failed", e);
          commandLine
              .getErr()
              .println(
                  "detention-audit failed: "
                      + firstLine(e.toString())
                      + ". This is a bug; the stack trace is in the log ("
                      + logFile()
                      + "). Please report it with that log.");
          commandLine.getErr().flush();
          return ExitCodes.INTERNAL;
        });
    return cli.execute(args);
  }

  /**
   * Where the stack trace went: the log file of our log4j2 configuration ({@code
   * detention.audit.log}, which bin/detention-audit sets from DETENTION_AUDIT_LOG, else {@code
   * $TMPDIR/detention-audit.log}); under spark-submit the cluster's log4j2 configuration decides.
   */
  static String logFile() {
    String configured = System.getProperty("detention.audit.log");
    return configured != null
        ? configured
        : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "detention-audit.log").toString();
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  /** The InputException or RuleCatalogException in a cause chain (Spark wraps task errors). */
  static Throwable findUserError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputException || t instanceof RuleCatalogException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** Prints the tool version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"detention-audit " + org.detentionaudit.core.DetentionAudit.toolVersion()};
    }
  }
}
