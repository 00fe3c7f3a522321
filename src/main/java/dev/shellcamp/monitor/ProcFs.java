package dev.shellcamp.monitor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads small /proc files into one reused buffer. The monitor reads a few hundred of them a
 * second; Files.readString would allocate a channel, a decoder and a string for each.
 */
final class ProcFs implements AutoCloseable {
  final Path root;
  private final String prefix;
  /**
   * Files kept open between refreshes. /proc makes a file's text anew when it is read from its
   * start, so a kept file costs lseek and read (as top reads /proc/stat) where a fresh one costs
   * open, fstat, read, read and close, plus a Cleaner for each FileInputStream. A process's file
   * read after it ended fails rather than showing another process that got its pid.
   */
  private final Map<String, RandomAccessFile> kept = new HashMap<>();
  /** Well under the usual limit of 1024 descriptors; files past it are opened each time. */
  private static final int MAX_KEPT = 400;
  /** The JDK reads into a stack buffer up to 8 KiB and mallocs for anything larger. */
  private static final int CHUNK = 8192;
  private byte[] buf = new byte[16 * 1024];
  private int len;

  ProcFs(Path root) {
    this.root = root;
    this.prefix = root.toString() + "/";
  }

  /** Loads the file; false when it is gone (a process that just ended) or unreadable. */
  boolean load(String relative) {
    return load(relative, false);
  }

  /**
   * Loads a one-record file such as /proc/PID/stat, which the kernel hands over whole in one
   * read: a short read is the end, saving the second read(2) that would return 0 (one syscall
   * per process per refresh).
   */
  boolean loadRecord(String relative) {
    return load(relative, true);
  }

  /** Like {@link #load(String)}, keeping the file open for the next refresh. */
  boolean reload(String relative) {
    return reload(relative, false);
  }

  /** Like {@link #loadRecord(String)}, keeping the file open for the next refresh. */
  boolean reloadRecord(String relative) {
    return reload(relative, true);
  }

  private boolean reload(String relative, boolean oneRead) {
    RandomAccessFile f = kept.get(relative);
    if (f == null) {
      if (kept.size() >= MAX_KEPT) {
        return load(relative, oneRead);
      }
      try {
        f = new RandomAccessFile(prefix + relative, "r");
      } catch (IOException e) {
        return false;
      }
      kept.put(relative, f);
    }
    try {
      f.seek(0);
      return fill(f, oneRead);
    } catch (IOException e) {
      forget(relative); // the process ended
      return false;
    }
  }

  /** Closes a kept file (its process ended). */
  void forget(String relative) {
    RandomAccessFile f = kept.remove(relative);
    if (f != null) {
      try {
        f.close();
      } catch (IOException e) {
        // nothing was written: nothing to lose
      }
    }
  }

  /** Closes every kept file. */
  @Override
  public void close() {
    for (String f : kept.keySet().toArray(new String[0])) {
      forget(f);
    }
  }

  private boolean load(String relative, boolean oneRead) {
    try (RandomAccessFile in = new RandomAccessFile(prefix + relative, "r")) {
      return fill(in, oneRead);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads to the end into the buffer, growing it as needed, at most {@value #CHUNK} bytes a call.
   * {@code oneRead}: a short read is the end (a one-record file the kernel hands over whole).
   */
  private boolean fill(RandomAccessFile in, boolean oneRead) throws IOException {
    len = 0;
    while (true) {
      if (buf.length - len < CHUNK) {
        byte[] bigger = new byte[buf.length * 2];
        System.arraycopy(buf, 0, bigger, 0, len);
        buf = bigger;
      }
      int n = in.read(buf, len, CHUNK);
      if (n < 0) {
        return true;
      }
      len += n;
      if (oneRead && n < CHUNK) {
        return true;
      }
    }
  }

  /** A cursor at the start of the loaded file, to parse it where it lies. */
  Cursor cursor() {
    return new Cursor(buf, len);
  }

  /** A hash (64-bit FNV-1a) of the loaded bytes: tells a changed file from the same one without a copy. */
  long hash() {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < len; i++) {
      h = (h ^ (buf[i] & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  /** The loaded file as text (for the few files read once or now and then). */
  String text() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  /** The loaded file as text with NULs as spaces: a /proc/PID/cmdline. */
  String cmdline() {
    int end = len;
    while (end > 0 && buf[end - 1] == 0) {
      end--;
    }
    byte[] copy = new byte[end];
    for (int i = 0; i < end; i++) {
      copy[i] = buf[i] == 0 ? (byte) ' ' : buf[i];
    }
    return new String(copy, StandardCharsets.UTF_8);
  }

  /** Fields of a loaded /proc/PID/stat: comm (between the first '(' and the last ')') and the numbers after it. */
  Stat stat() {
    int open = -1;
    int close = -1;
    for (int i = 0; i < len; i++) {
      if (buf[i] == '(' && open < 0) {
        open = i;
      } else if (buf[i] == ')') {
        close = i;
      }
    }
    if (open < 0 || close < 0) {
      return null;
    }
    String comm = new String(buf, open + 1, close - open - 1, StandardCharsets.UTF_8);
    // after ") ": state, then numbers; we need fields 4 (ppid), 14-15 (utime, stime), 22 (starttime), 24 (rss)
    int i = close + 2;
    if (i >= len) {
      return null;
    }
    char state = (char) buf[i];
    long[] nums = new long[22];
    int field = 0;
    i += 1;
    while (i < len && field < nums.length) {
      while (i < len && buf[i] == ' ') {
        i++;
      }
      long v = 0;
      boolean neg = false;
      if (i < len && buf[i] == '-') {
        neg = true;
        i++;
      }
      while (i < len && buf[i] >= '0' && buf[i] <= '9') {
        v = v * 10 + (buf[i] - '0');
        i++;
      }
      nums[field++] = neg ? -v : v;
      while (i < len && buf[i] != ' ' && buf[i] != '\n') {
        i++; // a field that is not a plain number
      }
    }
    // nums[0] is field 4 (ppid); field f is nums[f - 4]
    return new Stat(comm, state, nums[0], nums[10] + nums[11], nums[18], nums[20]);
  }

  /** What the monitor needs from /proc/PID/stat; ticks are utime + stime in USER_HZ. */
  record Stat(String comm, char state, long ppid, long ticks, long startTime, long rssPages) {}
}
