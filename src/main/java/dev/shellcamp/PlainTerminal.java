package dev.shellcamp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The system terminal for plain mode, as a terminal type whose capabilities hold nothing that
 * colours or moves the cursor on the line: JLine then edits the line with backspace, carriage
 * return and spaces alone, and the tutor's output has no escape sequences at all.
 *
 * <p>JLine's own "dumb" type will not do on a real tty: its line reader stops echoing what is
 * typed (it leaves echo to the terminal), and its DumbTerminal keeps the tty cooked, so vi or
 * less run by the learner would get no raw keys. This is a full system terminal instead: raw
 * mode for commands, signals, window size. The key capabilities only describe input, so arrows,
 * history and Home/End still work; they are what terminals send outside keypad mode, which this
 * type never turns on.
 */
final class PlainTerminal {
  static final String TYPE = "shellcamp-plain";
  private static final String CAPS = TYPE + "|plain text for screen readers and logs,\n"
      + "\tam,\n"
      + "\tbel=^G, cr=^M, cub1=^H, cud1=^J, ind=^J,\n"
      + "\tkcub1=\\E[D, kcud1=\\E[B, kcuf1=\\E[C, kcuu1=\\E[A,\n"
      + "\tkdch1=\\E[3~, kend=\\E[F, khome=\\E[H,\n"
      // for :monitor, a full-screen view like vi: the line reader never uses these (clear only
      // on Ctrl-L, which asks for it)
      + "\tcivis=\\E[?25l, clear=\\E[H\\E[2J, cnorm=\\E[?12l\\E[?25h, csr=\\E[%i%p1%d;%p2%dr,\n"
      + "\trmcup=\\E[?1049l, smcup=\\E[?1049h,\n";

  private PlainTerminal() {}

  static Terminal open() throws IOException {
    InfoCmp.setDefaultInfoCmp(TYPE, CAPS);
    return TerminalBuilder.builder().system(true).name("shellcamp").type(TYPE).encoding(StandardCharsets.UTF_8).build();
  }
}
