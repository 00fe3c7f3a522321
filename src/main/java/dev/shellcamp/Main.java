package dev.shellcamp;

import dev.shellcamp.classlink.ClassConnection;
import dev.shellcamp.cli.Env;
import dev.shellcamp.cli.ExitCodes;
import dev.shellcamp.cli.RootCommand;
import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.progress.ProgressStore;
import dev.shellcamp.repl.Warm;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.trace.Phases;
import dev.shellcamp.ui.PlainMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import picocli.CommandLine;

/**
 * Composition root: builds the terminal (only when a command asks for it) and the command
 * line, and is the only place that calls System.exit.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Phases.mark("main");
    ProgressStore store = ProgressStore.standard();
    Capabilities caps = new Capabilities();
    // The REPL's start-up work runs on all cores: the terminal and the catalog load in the
    // background while picocli builds its model here (each is 60-100 ms on this kind of machine).
    boolean repl = args.length == 0 || args[0].equals("start") || args[0].startsWith("--lang")
        || args[0].equals("--plain") || args[0].equals("--bell") || args[0].startsWith("--class")
        || args[0].startsWith("--code") || args[0].startsWith("--name");
    boolean plain = PlainMode.requested(args);
    // `shellcamp start LESSON` and nothing else: no picocli, and the lesson parsed in the background
    String quickStart = args.length == 2 && args[0].equals("start") && !args[1].startsWith("-") ? args[1] : null;
    CompletableFuture<Terminal> early = repl ? CompletableFuture.supplyAsync(() -> openTerminal(plain), Main::daemon) : null;
    CompletableFuture<Seeded> catalog = repl ? CompletableFuture.supplyAsync(() -> {
      long seed = store.peekSeed();
      Seeded s = seed < 0 ? null : new Seeded(seed, catalog(seed));
      Phases.mark("catalog loaded");
      if (s != null && quickStart != null) {
        Warm.lessonInBackground(s.catalog(), quickStart);
        // the menu's column is not on a lesson's way: its start waited 15-20 ms for it here
        daemon(() -> probeForMenu(s.catalog(), caps));
      } else if (s != null) {
        probeForMenu(s.catalog(), caps);
      }
      return s;
    }, Main::daemon) : null;
    // a joined tutor reads its link and queue (and loads Jackson) beside the terminal, not before it
    CompletableFuture<ClassConnection> classes = repl
        ? CompletableFuture.supplyAsync(() -> ClassConnection.open(ProgressStore.dataHome()), Main::daemon) : null;
    Terminal[] made = new Terminal[1];
    Supplier<Terminal> terminal = () -> {
      if (made[0] == null) {
        made[0] = early != null ? early.join() : openTerminal(plain);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(made[0])));
      }
      return made[0];
    };
    LongFunction<Catalog> catalogs = s -> {
      Seeded loaded = catalog == null ? null : catalog.join();
      return loaded != null && (s == Env.ANY_SEED || loaded.seed() == s) ? loaded.catalog() : catalog(Math.max(s, 0));
    };
    Supplier<ClassConnection> links = () -> classes != null ? classes.join() : ClassConnection.open(ProgressStore.dataHome());
    Env env = new Env(terminal, store, caps, catalogs, links);
    if (quickStart != null) {
      try {
        return new RootCommand(env).start(quickStart);
      } finally {
        closeQuietly(made[0]);
      }
    }
    if (args.length == 0) {
      // the README's first command: straight to the REPL. Building picocli's model of every
      // subcommand by reflection costs ~100 ms here, half the way to the first prompt.
      try {
        return new RootCommand(env).call();
      } finally {
        closeQuietly(made[0]);
      }
    }
    CommandLine cl = new CommandLine(new RootCommand(env));
    cl.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    cl.setExecutionExceptionHandler((e, line, parse) -> {
      line.getErr().println("shellcamp: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      return ExitCodes.FAILED;
    });
    try {
      return cl.execute(args);
    } finally {
      if (made[0] == null && early != null) {
        made[0] = early.join();
      }
      closeQuietly(made[0]);
    }
  }

  /** The catalog through its index under the data home (one file: the learner's seed is part of its key). */
  private static Catalog catalog(long seed) {
    return Catalog.indexed(Catalog.locate(), seed, ProgressStore.dataHome().resolve("cache").resolve("catalog.index"));
  }

  /** A catalog loaded ahead of time, and the learner's seed it was loaded for. */
  private record Seeded(long seed, Catalog catalog) {}

  /** The menu's availability column (a docker socket round trip), while the terminal opens. */
  private static void probeForMenu(Catalog catalog, Capabilities caps) {
    catalog.summaries().values().forEach(l -> caps.missingAtAGlance(l.requires()));
    Phases.mark("capabilities probed");
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "shellcamp-startup");
    t.setDaemon(true);
    t.start();
  }

  private static Terminal openTerminal(boolean plain) {
    try {
      boolean tty = System.console() != null;
      Terminal t = tty && plain ? PlainTerminal.open()
          : tty ? systemTerminal()
          // a plain DumbTerminal: JLine's builder would pump stdin through a new pty, where the
          // end of piped input never arrives as end of file
          : new DumbTerminal("shellcamp", Terminal.TYPE_DUMB, System.in, System.out, StandardCharsets.UTF_8);
      if (!tty) {
        // piped input is a script, not typing: the REPL prints each line after its prompt itself
        t.echo(false);
        org.jline.terminal.Attributes a = t.getAttributes();
        a.setOutputFlag(org.jline.terminal.Attributes.OutputFlag.OPOST, false);
        t.setAttributes(a);
      }
      if (tty && (t.getWidth() <= 0 || t.getHeight() <= 0)) {
        // a pty nobody sized (some CI runners, `script`): JLine cannot draw a prompt in 0 columns
        t.setSize(new org.jline.terminal.Size(80, 24));
      }
      // outside readLine and outside a command, Ctrl-C must not kill the tutor
      t.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
      Phases.mark("terminal open");
      return t;
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the terminal: " + e.getMessage(), e);
    }
  }

  /**
   * JLine's native (JNI) terminal alone: with its default list JLine also asks the exec provider,
   * which forks {@code test -t}; and the capabilities infocmp gave last time, so it need not fork
   * infocmp either. Each fork is 5-15 ms on the way to the first prompt here.
   */
  private static Terminal systemTerminal() throws IOException {
    TermInfo info = TermInfo.of(ProgressStore.dataHome().resolve("cache").resolve("terminfo"));
    boolean kept = info != null && info.preload();
    Terminal t;
    try {
      t = TerminalBuilder.builder().system(true).provider("jni").dumb(false).name("shellcamp").encoding(StandardCharsets.UTF_8).build();
    } catch (IOException | RuntimeException | LinkageError e) {
      // no native library here (a noexec temp folder, an unusual platform): JLine's own choice
      t = TerminalBuilder.builder().system(true).name("shellcamp").encoding(StandardCharsets.UTF_8).build();
    }
    if (info != null && !kept) {
      info.keep();
    }
    return t;
  }

  private static void closeQuietly(Terminal t) {
    if (t != null) {
      try {
        t.close();
      } catch (IOException | RuntimeException e) {
        // restoring the terminal is best effort on the way out
      }
    }
  }
}
