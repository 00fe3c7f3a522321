package dev.shellcamp.repl;

import dev.shellcamp.explain.Attempt;
import dev.shellcamp.explain.Explainer;
import dev.shellcamp.guard.ShellVars;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.trace.Phases;
import dev.shellcamp.ui.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The code every command runs, compiled before the learner's first commands need it. The
 * launcher runs C1 alone, which compiles a method after about 200 calls: a command's own code
 * (the line editor, the danger guard, the explainer) ran interpreted for the first couple of
 * hundred commands, 1.6 ms a command over the first hundred against 0.65 after five hundred
 * (-Dshellcamp.trace=true). Here, once the first prompt waits, a daemon thread edits lines typed
 * into a line editor of its own over an in-memory terminal and judges and explains them, nothing
 * of it shown; the learner's terminal, keyboard, shell and history are never touched.
 */
final class WarmLines {
  private static final int LINES = 250;

  private WarmLines() {}

  static void inBackground(String prompt, Path workspace, Messages messages) {
    Thread t = new Thread(() -> {
      try {
        run(prompt, workspace, messages);
      } catch (IOException | RuntimeException | LinkageError e) {
        // a warm-up only: the real commands do the same work and report what fails
      }
    }, "shellcamp-warm-lines");
    t.setDaemon(true);
    t.start();
  }

  private static void run(String prompt, Path workspace, Messages messages) throws IOException {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < LINES; i++) {
      keys.append("echo w").append(i).append("\r");
    }
    try (Terminal t = new ExternalTerminal("shellcamp-warm", "xterm-256color", new Typed(keys.toString()),
        OutputStream.nullOutputStream(), StandardCharsets.UTF_8)) {
      t.setSize(new org.jline.terminal.Size(100, 30));
      LineReaderImpl r = new LineReaderImpl(t, "shellcamp-warm");
      r.setParser(new BashParser());
      r.setHistory(new DefaultHistory());
      r.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
      r.option(LineReader.Option.AUTO_FRESH_LINE, true);
      for (int i = 0; i < LINES; i++) {
        String line;
        try {
          line = r.readLine(prompt);
        } catch (EndOfFileException e) {
          return;
        }
        DangerGuard.judge(line, workspace, workspace, ShellVars.none());
        CommandResult c = new CommandResult(line, 0, line.substring(5) + "\n", workspace.toString());
        Explainer.explain(new Attempt(List.of(c), workspace, "", List.of(), p -> null), List.of(), "warm", messages);
      }
      Phases.mark("command code warm");
    }
  }

  /**
   * The keys, then nothing until the terminal closes: had they ended, JLine would close the
   * line editor's input under it and warn on stderr, the learner's screen.
   */
  private static final class Typed extends InputStream {
    private final ByteArrayInputStream keys;

    Typed(String keys) {
      this.keys = new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n = keys.read(b, off, len);
      if (n > 0) {
        return n;
      }
      try {
        // the terminal's pump thread waits here until close() interrupts it
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return -1;
    }
  }
}
