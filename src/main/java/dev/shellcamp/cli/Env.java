package dev.shellcamp.cli;

import dev.shellcamp.classlink.ClassConnection;
import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.progress.ProgressStore;
import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.ui.Messages;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;

/**
 * What commands need from the outside world, made by Main. The terminal is created only by the
 * commands that open the REPL, so `list` or `lint` never pay for it; {@code catalogs} may hand
 * out a catalog that Main began loading before the command line was even parsed; {@code classes}
 * likewise the class link, read in the background (only the REPL asks for it).
 */
public record Env(Supplier<Terminal> terminal, ProgressStore store, Capabilities caps, LongFunction<Catalog> catalogs,
    Supplier<ClassConnection> classes) {
  /** For {@link #catalog}: any seed will do (only lesson ids are wanted), so a catalog loaded ahead serves. */
  public static final long ANY_SEED = -1;

  Catalog catalog(long seed) {
    return catalogs.apply(seed);
  }

  /** The language from --lang, else the learner's saved choice, else the environment. */
  static Messages messages(String explicit, String saved) {
    return Messages.of(Messages.detectLang(explicit != null ? explicit : saved));
  }
}
