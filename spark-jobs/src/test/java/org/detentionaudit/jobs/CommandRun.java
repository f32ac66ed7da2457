package org.detentionaudit.jobs;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line with its exit status and console text. */
record CommandRun(int status, String out, String err) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = DetentionAuditMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(status, out.toString(), err.toString());
  }
}
