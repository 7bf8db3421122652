package org.nashlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one in-process {@code nash} invocation returned and printed. */
record CommandResult(int exitCode, String out, String err) {
  static CommandResult of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Nash.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CommandResult(code, out.toString(), err.toString());
  }
}
