package dev.shellcamp.shell;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the PTY byte stream into output and our OSC 777 markers. Only markers carrying this
 * session's random key count, so a program that prints a look-alike cannot end a command early.
 */
final class MarkerParser {
  interface Listener {
    void output(byte[] bytes, int off, int len);

    void marker(List<String> fields);
  }

  private static final int ESC = 0x1b;
  private static final int BEL = 0x07;
  private static final int MAX_OSC = 4096;

  private final byte[] prefix;
  private final Listener listener;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final ByteArrayOutputStream osc = new ByteArrayOutputStream();
  private int state; // 0 text, 1 after ESC, 2 inside OSC, 3 ESC inside OSC

  MarkerParser(String key, Listener listener) {
    this.prefix = ("777;" + key + ";").getBytes(StandardCharsets.US_ASCII);
    this.listener = listener;
  }

  void feed(byte[] buf, int off, int len) {
    for (int i = off; i < off + len; i++) {
      int b = buf[i] & 0xff;
      switch (state) {
        case 0 -> {
          if (b == ESC) {
            state = 1;
          } else {
            pending.write(b);
          }
        }
        case 1 -> {
          if (b == ']') {
            state = 2;
            osc.reset();
          } else {
            pending.write(ESC);
            if (b == ESC) {
              continue;
            }
            pending.write(b);
            state = 0;
          }
        }
        case 2 -> {
          if (b == BEL) {
            endOsc(BEL);
          } else if (b == ESC) {
            state = 3;
          } else {
            osc.write(b);
            if (osc.size() > MAX_OSC) {
              passOscThrough(-1);
            }
          }
        }
        default -> {
          if (b == '\\') {
            endOsc('\\');
          } else {
            osc.write(ESC);
            osc.write(b);
            state = 2;
          }
        }
      }
    }
    flush();
  }

  private void endOsc(int terminator) {
    byte[] body = osc.toByteArray();
    if (body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length)) {
      flush();
      String fields = new String(body, prefix.length, body.length - prefix.length, StandardCharsets.UTF_8);
      state = 0;
      listener.marker(List.of(fields.split(";", 4)));
      return;
    }
    passOscThrough(terminator);
  }

  private void passOscThrough(int terminator) {
    pending.write(ESC);
    pending.write(']');
    pending.writeBytes(osc.toByteArray());
    if (terminator == '\\') {
      pending.write(ESC);
    }
    if (terminator >= 0) {
      pending.write(terminator);
    }
    osc.reset();
    state = terminator >= 0 ? 0 : 2;
  }

  private void flush() {
    if (pending.size() > 0) {
      byte[] out = pending.toByteArray();
      pending.reset();
      listener.output(out, 0, out.length);
    }
  }
}
