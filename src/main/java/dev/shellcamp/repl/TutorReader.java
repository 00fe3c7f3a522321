package dev.shellcamp.repl;

import dev.shellcamp.trace.Laps;
import java.util.Map;
import org.jline.keymap.KeyMap;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * JLine's reader with a paste that runs: a bracketed paste holding a newline ends the prompt and
 * its lines become keys typed ahead, each run through the tutor in turn, as pasting into bash
 * without bracketed paste does. A paste without a newline is only inserted, for editing.
 */
class TutorReader extends LineReaderImpl {
  private static final String INTERRUPT = "shellcamp-interrupt";
  private String pasted;
  /** Null where JLine reads the keyboard itself. */
  private final Keyboard.Pending keys;
  /** The prompt is not drawn yet in this readLine (for the trace's laps: JLine's set-up, then its drawing). */
  private boolean firstDraw;

  TutorReader(Terminal terminal, String appName, Map<String, Object> variables) {
    super(terminal, appName, variables);
    keys = Keyboard.install(this, terminal);
    // Ctrl-C as a key, read in order with the others, not as SIGINT: the signal arrives out of
    // band, and keys typed right after it went into the line it cancelled
    getWidgets().put(INTERRUPT, () -> {
      throw new UserInterruptException(buf.toString());
    });
    for (String map : new String[] {EMACS, VIINS, VICMD}) {
      getKeyMaps().get(map).bind(new Reference(INTERRUPT), KeyMap.ctrl('C'));
    }
  }

  @Override
  public String readLine(String prompt) {
    Laps.at("readline");
    settleHistory();
    Laps.at("settled");
    Attributes saved = terminal.getAttributes();
    Attributes noSignals = new Attributes(saved);
    noSignals.setLocalFlag(Attributes.LocalFlag.ISIG, false);
    terminal.setAttributes(noSignals);
    Laps.at("isig");
    firstDraw = true;
    try {
      return super.readLine(prompt);
    } finally {
      Laps.at("accepted");
      // without echo until the next prompt: keys typed as a line is accepted would otherwise be
      // echoed here and again by the command's terminal, and keys typed while the tutor prints
      // would land in its output; they are shown where they are read, as in bash
      Attributes quiet = new Attributes(saved);
      quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
      terminal.setAttributes(quiet);
      Laps.at("echo-off");
    }
  }

  /**
   * With keys already waiting (a line typed faster than it is drawn, keys typed ahead, the
   * tutor's macro) the line is drawn once, after the last of them, as readline does: JLine drew
   * it after every key, ~0.03 ms each here. The accepted line's last drawing is not this one.
   */
  @Override
  public boolean redisplay() {
    if (keys != null && keys.keysWaiting()) {
      return true;
    }
    if (firstDraw) {
      Laps.at("jl-setup");
      boolean r = super.redisplay();
      Laps.at("drawn");
      firstDraw = false;
      return r;
    }
    return super.redisplay();
  }

  /** The last line's history write, finished before the history is read or written again. */
  void settleHistory() {
    if (getHistory() instanceof ReplHistory h) {
      h.settle();
    }
  }

  @Override
  protected boolean acceptLine() {
    Laps.at("typed");
    return super.acceptLine();
  }

  @Override
  public boolean beginPaste() {
    String text = doReadStringUntil(BRACKETED_PASTE_END).replace("\r\n", "\n").replace('\r', '\n');
    if (text.indexOf('\n') < 0) {
      buf.write(text);
      return true;
    }
    String all = buf.toString() + text;
    String first = TypeAhead.first(all, getParser());
    if (!first.endsWith("\n")) {
      buf.write(text);
      return true;
    }
    // the first command ends this prompt where it was pasted; the others follow it
    pasted = all.substring(first.length());
    buf.clear();
    buf.write(first.substring(0, first.length() - 1));
    callWidget(LineReader.ACCEPT_LINE);
    return true;
  }

  /** What a paste held after the line it ended the last readLine with, or null when none. */
  String takePaste() {
    String p = pasted;
    pasted = null;
    return p;
  }
}
