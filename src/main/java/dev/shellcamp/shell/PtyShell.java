package dev.shellcamp.shell;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.shellcamp.shell.CommandResult.Flag;
import dev.shellcamp.trace.Laps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One persistent interactive bash on a PTY. A command line is handed over through a control
 * file and a readline key binding, so bash runs it as a genuine interactive line (history,
 * aliases, job control, Ctrl-C) without our text being echoed, completed or wrapped by readline.
 */
public final class PtyShell implements AutoCloseable {
  private static final byte[] RUN_KEYS = {0x18, 0x01};   // ^X^A: load + accept-line
  private static final byte[] QUERY_KEYS = {0x18, 0x0e}; // ^X^N: hidden script (^Q is XON to the tty)
  private static final byte[] RECLAIM_KEYS = {0x18, 0x12}; // ^X^R: readline's line back to the tutor
  private static final int MAX_CAPTURE = 4 << 20;
  private static final byte US = 0x1f;
  /** How much of the session key answers bash's drain (hooks.bash reads it back a byte at a time). */
  private static final int DRAIN_TOKEN = 8;
  /** Polls for a shell that lost its hooks no more often than this while a command runs. */
  private static final Duration WATCH_EVERY = Duration.ofMillis(250);
  private static final Duration WATCH_AFTER = Duration.ofMillis(750);

  private final Path workspace;
  private final Map<String, String> env;
  private final String key;
  private final Path ctl;
  /** The next command line, for bash's ^X^L binding; written under {@link #lock}. */
  private final ControlFile cmdFile;
  private int orphansEnded;
  private final Object lock = new Object();
  /** Orders the learner's keys against the end of a command; taken after {@link #lock}, never before. */
  private final Object keyLock = new Object();
  /** guarded by keyLock: keys go to the PTY only while a command of ours runs */
  private Keys keys = Keys.CLOSED;
  /** guarded by keyLock: a key was passed on during this command (the typed file exists) */
  private boolean typedThisCommand;

  /** Whether the learner's keys go to the PTY: WAIT before the next command's keys are sent. */
  private enum Keys { WAIT, OPEN, CLOSED }
  private PtyProcess process;
  /** Watches the bash spawned for a prompt without our hooks; made once it reached its first prompt. */
  private HookWatch watch;
  private OutputStream toPty;
  private int cols;
  private int rows;

  // guarded by lock
  private int nextId;
  private int waitingId = -1;
  private boolean started;
  private boolean doneSeen;
  /** The done marker came: until bash has handed back the unread keys, its output is not the command's. */
  private boolean finishing;
  private String unread = "";
  private boolean reattached;
  /** The command that waited for keys nobody can type and was stopped ("" when none). */
  private String stoppedWaiting = "";
  private int stopTries;
  /** Nobody types into this shell (verify, piped input): a command waiting for keys is stopped. */
  private volatile boolean unattended;
  /** The hooks were put back before the line had started: its keys did nothing. */
  private boolean lostBeforeStart;
  private boolean incomplete;
  private int doneStatus;
  private String cwd;
  /** The active Python virtual environment's prompt name, "" when none (bash's own PS1 is ours). */
  private String venv = "";
  private boolean dead = true;
  private int queryId = -1;
  private int queryStatus;
  private boolean queryDone;
  private OutputSink sink = OutputSink.DISCARD;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final ByteArrayOutputStream startupNoise = new ByteArrayOutputStream();

  private PtyShell(Path workspace, Map<String, String> extraEnv, int cols, int rows) throws IOException {
    this.workspace = workspace;
    this.cols = Math.max(cols, 20);
    this.rows = Math.max(rows, 5);
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    this.key = HexFormat.of().formatHex(random);
    this.ctl = Files.createTempDirectory("shellcamp-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    for (String script : List.of("rc.bash", "hooks.bash")) {
      try (InputStream rc = PtyShell.class.getResourceAsStream(script)) {
        Files.write(ctl.resolve(script), rc.readAllBytes());
      }
    }
    this.cmdFile = new ControlFile(ctl.resolve("cmd"));
    this.env = environment(workspace, extraEnv);
    this.cwd = workspace.toString();
  }

  /** Starts bash in the workspace (which is also its HOME) and waits for its first prompt. */
  public static PtyShell start(Path workspace, Map<String, String> extraEnv, int cols, int rows)
      throws IOException {
    int orphans = ProcessReaper.killOrphans(workspace);
    PtyShell shell = new PtyShell(workspace, extraEnv, cols, rows);
    shell.orphansEnded = orphans;
    try {
      shell.spawn();
    } catch (IOException | RuntimeException e) {
      shell.close();
      throw e;
    }
    return shell;
  }

  /**
   * Starts and reaps {@code /bin/true} on a PTY: pty4j and JNA extract and load their native
   * libraries on the first spawn (~150 ms here), which a background thread can then take off the
   * way to a lesson's prompt.
   */
  public static void warmUp() {
    try {
      new PtyProcessBuilder(new String[] {"/bin/true"}).setConsole(false).start().waitFor();
    } catch (IOException e) {
      // the lesson's own start reports it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How many processes a killed earlier tutor of this workspace had left running, now ended. */
  public int orphansEnded() {
    return orphansEnded;
  }

  public String sessionKey() {
    return key;
  }

  public Path workspace() {
    return workspace;
  }

  public long pid() {
    synchronized (lock) {
      return process == null ? -1 : process.pid();
    }
  }

  private Map<String, String> environment(Path home, Map<String, String> extra) {
    Map<String, String> e = new HashMap<>(System.getenv());
    for (String drop : List.of("PROMPT_COMMAND", "PS1", "PS0", "PS2", "BASH_ENV", "ENV", "OLDPWD",
        "CDPATH", "HISTFILE", "HISTCONTROL", "INPUTRC")) {
      e.remove(drop);
    }
    e.put("HOME", home.toString());
    e.put("PWD", home.toString());
    e.put("SHELL", "/bin/bash");
    e.putIfAbsent("TERM", "xterm-256color");
    if ("dumb".equals(e.get("TERM"))) {
      e.put("TERM", "xterm-256color");
    }
    if (!e.containsKey("LANG") && !e.containsKey("LC_ALL")) {
      e.put("LANG", "C.UTF-8");
    }
    e.put("HISTFILE", home.resolve(".bash_history").toString());
    Pagers.endAtEof(e);
    e.putAll(extra);
    e.put("SHELLCAMP_SESSION", key);
    // what a later tutor needs to find this lesson's processes if this one is killed
    e.put("SHELLCAMP_WORKSPACE", home.toString());
    e.put("SHELLCAMP_TUTOR", String.valueOf(ProcessHandle.current().pid()));
    e.put("SHELLCAMP_CTL", ctl.toString());
    return e;
  }

  private void spawn() throws IOException {
    String[] cmd = {"/bin/bash", "--noprofile", "--rcfile", ctl.resolve("rc.bash").toString(), "-i"};
    PtyProcess p = new PtyProcessBuilder(cmd)
        .setEnvironment(env)
        .setDirectory(workspace.toString())
        .setInitialColumns(cols)
        .setInitialRows(rows)
        .setConsole(false)
        .start();
    synchronized (lock) {
      process = p;
      toPty = p.getOutputStream();
      dead = false;
      waitingId = 0;
      doneSeen = false;
      finishing = false;
      started = false;
      startupNoise.reset();
    }
    Thread reader = new Thread(() -> pump(p), "shellcamp-pty-reader");
    reader.setDaemon(true);
    reader.start();
    synchronized (lock) {
      if (!await(() -> doneSeen, Duration.ofSeconds(15))) {
        throw new IOException("bash did not reach its prompt; it printed: "
            + Ansi.strip(startupNoise.toString(StandardCharsets.UTF_8)).strip());
      }
      // at its first prompt bash has surely exec'd from pty4j's spawn helper
      watch = new HookWatch(p.pid());
      waitingId = -1;
    }
  }

  private void pump(PtyProcess p) {
    MarkerParser parser = new MarkerParser(key, new MarkerParser.Listener() {
      @Override
      public void output(byte[] bytes, int off, int len) {
        onOutput(bytes, off, len);
      }

      @Override
      public void marker(List<String> fields) {
        onMarker(fields);
      }
    });
    byte[] buf = new byte[8192];
    OutputStream trace = Trace.open();
    try (InputStream in = p.getInputStream()) {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (trace != null) {
          trace.write(buf, 0, n);
          trace.flush();
        }
        parser.feed(buf, 0, n);
      }
    } catch (IOException e) {
      // EIO from the PTY once bash has gone: the same as end of stream
    }
    synchronized (lock) {
      if (process == p) {
        dead = true;
        lock.notifyAll();
      }
    }
  }

  private void onOutput(byte[] bytes, int off, int len) {
    OutputSink target;
    synchronized (lock) {
      if (waitingId < 0 || !started || finishing) {
        if (startupNoise.size() < 65536) {
          startupNoise.write(bytes, off, len);
        }
        return;
      }
      if (captured.size() < MAX_CAPTURE) {
        captured.write(bytes, off, Math.min(len, MAX_CAPTURE - captured.size()));
      }
      target = sink;
    }
    target.write(bytes, off, len);
  }

  private void onMarker(List<String> f) {
    synchronized (lock) {
      switch (f.get(0)) {
        case "start" -> {
          Laps.at("bash-start");
          started = waitingId > 0;
        }
        case "ps2" -> {
          if (waitingId > 0 && !incomplete) {
            incomplete = true;
            writeQuietly(new byte[] {0x03});
          }
        }
        case "venv" -> {
          venv = venvName(String.join(";", f.subList(1, f.size())));
          return;  // nobody waits for it: waking the command's thread costs a context switch a command
        }
        case "done" -> {
          Laps.at("bash-done");
          // done;id;status;drains;PWD (the parser keeps what follows the status whole, for the
          // PWD's sake): bash waits for our answer only when it drains
          boolean drains = f.size() >= 4 && f.get(3).startsWith("1;");
          if (f.size() >= 4 && f.get(3).length() >= 2) {
            cwd = f.get(3).substring(2);
            if (String.valueOf(waitingId).equals(f.get(1))) {
              doneStatus = parseInt(f.get(2));
              finishing = true;
              if (!drains) {
                doneSeen = !reclaim();
              }
            }
          }
          closeKeys(drains);
        }
        case "drained" -> {
          String ahead = f.size() >= 3 && parseInt(f.get(2)) > 0 ? takeAhead() : "";
          if (finishing && f.size() >= 3 && String.valueOf(waitingId).equals(f.get(1))) {
            unread = ahead;
            doneSeen = true;
          } else {
            unread = unread + ahead;
          }
        }
        case "prompt" -> {
          // PS1: bash is at its prompt; the end of the command when PROMPT_COMMAND did not run
          if (f.size() >= 4 && !doneSeen && !finishing && String.valueOf(waitingId).equals(f.get(1))) {
            doneStatus = parseInt(f.get(2));
            cwd = f.get(3);
            closeKeys(false);
            doneSeen = true;
          }
        }
        case "q" -> {
          if (f.size() >= 3 && String.valueOf(queryId).equals(f.get(1))) {
            queryStatus = parseInt(f.get(2));
            queryDone = true;
          }
        }
        default -> {
          return;
        }
      }
      lock.notifyAll();
    }
  }

  /**
   * Runs one command line as if the learner had typed it, streaming its output to {@code out}.
   * Blocks until bash is back at its prompt; after {@code timeout} the command is interrupted.
   */
  public CommandResult run(String line, OutputSink out, Duration timeout) throws IOException {
    return run(line, "", out, timeout);
  }

  /**
   * As {@link #run(String, OutputSink, Duration)}, with {@code typedAhead} waiting on the terminal
   * as keys the learner typed after the line: the command reads them if it reads its input
   * (`cat > notes`), and what it leaves comes back as {@link CommandResult#unread()}.
   */
  public CommandResult run(String line, String typedAhead, OutputSink out, Duration timeout) throws IOException {
    int id;
    synchronized (lock) {
      ensureAlive();
      id = ++nextId;
      Laps.at("run-lock");
      cmdFile.write(id + "\n" + line);
      Laps.at("cmd-file");
      captured.reset();
      started = false;
      doneSeen = false;
      finishing = false;
      incomplete = false;
      reattached = false;
      stoppedWaiting = "";
      stopTries = 0;
      unread = "";
      sink = out;
      waitingId = id;
      synchronized (keyLock) {
        markTyped(!typedAhead.isEmpty());
        Laps.at("typed-file");
        // readline reads a byte at a time, so typed-ahead keys stay queued for the command,
        // unechoed, as keys typed ahead in a terminal do; one write, one wake-up of bash
        toPty.write(typedAhead.isEmpty() ? RUN_KEYS : runKeysThen(typedAhead));
        toPty.flush();
        keys = Keys.OPEN;
        keyLock.notifyAll();
      }
    }
    Laps.at("sent");
    boolean timedOut = !awaitDone(id, line, timeout);
    Laps.at("woke");
    synchronized (lock) {
      if (reattached && lostBeforeStart && doneSeen && !dead) {
        // the hooks were gone before this line could start: run it now
        waitingId = -1;
        return run(line, typedAhead, out, timeout).withReattached();
      }
      if (timedOut && !dead) {
        // past the limit: Ctrl-C, then give bash a moment to come back to its prompt
        writeQuietly(new byte[] {0x03});
        await(() -> doneSeen, Duration.ofSeconds(3));
      }
      waitingId = -1;
      sink = OutputSink.DISCARD;
      closeKeys(false);
      String output = Ansi.output(captured.toString(StandardCharsets.UTF_8));
      EnumSet<Flag> flags = EnumSet.noneOf(Flag.class);
      if (reattached) {
        flags.add(Flag.REATTACHED);
      }
      if (timedOut) {
        flags.add(Flag.TIMED_OUT);
      }
      if (dead) {
        flags.add(Flag.SHELL_EXITED);
        return new CommandResult(line, exitStatusOfDeadShell(), output, cwd, flags, unread, stoppedWaiting);
      }
      if (incomplete) {
        flags.add(Flag.INCOMPLETE);
      }
      if (!doneSeen) {
        flags.add(Flag.TIMED_OUT);
        return new CommandResult(line, 130, output, cwd, flags, unread, stoppedWaiting);
      }
      boolean syntaxError = !started && !incomplete && !reattached && doneStatus == 2;
      if (syntaxError) {
        output = BashSyntax.explain(line);
        byte[] msg = output.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        out.write(msg, 0, msg.length);
      }
      int status = incomplete ? 2 : reattached ? 0 : doneStatus;
      return new CommandResult(line, status, output, cwd, flags, unread, stoppedWaiting);
    }
  }

  private static byte[] runKeysThen(String typedAhead) {
    byte[] ahead = typedAhead.getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(RUN_KEYS, RUN_KEYS.length + ahead.length);
    System.arraycopy(ahead, 0, all, RUN_KEYS.length, ahead.length);
    return all;
  }

  /**
   * Waits for the end of command {@code id}; false after {@code timeout}. Meanwhile, a shell that
   * sits at a prompt of its own (`exec bash`, its bindings gone) is given the hooks back.
   */
  private boolean awaitDone(int id, String line, Duration timeout) throws IOException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      synchronized (lock) {
        long left = deadline - System.nanoTime();
        if (doneSeen || dead) {
          return true;
        }
        if (left <= 0) {
          return false;
        }
        if (await(() -> doneSeen, Duration.ofNanos(Math.min(left, WATCH_EVERY.toNanos())))) {
          return true;
        }
      }
      if (System.nanoTime() - start > WATCH_AFTER.toNanos()) {
        if (!reattachedAlready() && watch.lost(line)) {
          reattach(id);
        } else if (unattended) {
          stopIfWaitingForKeys();
        }
      }
    }
  }

  /**
   * Stops a command that waits for keys nobody will type: Ctrl-C, as a learner would; then, for
   * programs that ignore it (vi, less), SIGTERM and at last SIGKILL to the waiting process.
   */
  private void stopIfWaitingForKeys() {
    Optional<TerminalWait.Waiter> w = TerminalWait.find(process.pid());
    if (w.isEmpty()) {
      return;
    }
    int tries;
    synchronized (lock) {
      if (stoppedWaiting.isEmpty()) {
        stoppedWaiting = w.get().command();
      }
      tries = ++stopTries;
    }
    if (tries == 1 || w.get().pid() == process.pid()) {
      // bash's own `read` is stopped by Ctrl-C alone: the shell itself is never killed
      writeQuietly(new byte[] {0x03});
    } else {
      ProcessHandle.of(w.get().pid()).ifPresent(tries == 2 ? ProcessHandle::destroy : ProcessHandle::destroyForcibly);
    }
  }

  /** Nobody types into this shell (verify, piped input): commands that wait for keys are stopped. */
  public void unattended(boolean on) {
    unattended = on;
  }

  private boolean reattachedAlready() {
    synchronized (lock) {
      return reattached;
    }
  }

  /**
   * Types the hooks into a bash that sits at its own prompt without them: Ctrl-C drops whatever
   * its line holds (and leaves vi's command mode), then a line sources them and removes itself
   * from history. What that shell prints from here on is not the learner's.
   */
  private void reattach(int id) throws IOException {
    synchronized (lock) {
      reattached = true;
      lostBeforeStart = !started;
      finishing = true;
      String recover = " __sc_key=" + key + " __sc_ctl='" + ctl + "' __sc_id=" + id
          + "; . \"$__sc_ctl/hooks.bash\"; history -d -1 2>/dev/null\r";
      synchronized (keyLock) {
        keys = Keys.CLOSED;
        toPty.write(0x03);
        toPty.write(recover.getBytes(StandardCharsets.UTF_8));
        toPty.flush();
      }
    }
  }

  /**
   * Bash did not drain: no key had been passed on when it looked. One passed on since then is in
   * readline's hands; ^X^R sends its line back (as a drained marker). True when that was needed.
   */
  private boolean reclaim() {
    synchronized (keyLock) {
      keys = Keys.CLOSED;
      if (!typedThisCommand) {
        return false;
      }
      writeQuietly(RECLAIM_KEYS);
      return true;
    }
  }

  /** Stops passing keys on; with {@code answer}, tells bash's drain that no more will come. */
  private void closeKeys(boolean answer) {
    synchronized (keyLock) {
      keys = Keys.CLOSED;
      keyLock.notifyAll();
      if (answer) {
        byte[] msg = Arrays.copyOf(key.getBytes(StandardCharsets.US_ASCII), DRAIN_TOKEN + 1);
        msg[DRAIN_TOKEN] = US;
        writeQuietly(msg);
      }
    }
  }

  private String takeAhead() {
    Path f = ctl.resolve("ahead");
    try {
      String s = Files.readString(f, StandardCharsets.UTF_8);
      Files.deleteIfExists(f);
      return s;
    } catch (IOException e) {
      return "";
    }
  }

  private int exitStatusOfDeadShell() {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Runs a script inside the learner's shell without showing it or adding it to history:
   * lesson setup (whose exports and background servers must belong to the learner's session)
   * and state queries for checks.
   */
  public QueryResult query(String script, Duration timeout) throws IOException {
    synchronized (lock) {
      ensureAlive();
      int id = ++nextId;
      Files.writeString(ctl.resolve("q"), id + "\n" + script, StandardCharsets.UTF_8);
      queryId = id;
      queryDone = false;
      toPty.write(QUERY_KEYS);
      toPty.flush();
      if (!await(() -> queryDone, timeout) && !dead) {
        writeQuietly(new byte[] {0x03});
        throw new IOException("hidden script did not finish within " + timeout.toSeconds() + " s");
      }
      queryId = -1;
      if (dead) {
        throw new IOException("the shell ended while running a hidden script");
      }
      String out = Files.readString(ctl.resolve("qout"), StandardCharsets.UTF_8);
      return new QueryResult(queryStatus, out);
    }
  }

  /** Output and status of a hidden script. */
  public record QueryResult(int status, String output) {}

  /** bash's directory after the last command. */
  public String cwd() {
    synchronized (lock) {
      return cwd;
    }
  }

  /**
   * The name `source .venv/bin/activate` would put in front of bash's prompt ("" when no venv is
   * active), so the tutor's own prompt can show it: the learner's bash never prints a PS1.
   */
  public String venv() {
    synchronized (lock) {
      return venv;
    }
  }

  /** "(.venv) " (Python up to 3.11) and ".venv" (3.12 on) both become ".venv". */
  static String venvName(String prompt) {
    String v = prompt.strip();
    if (v.startsWith("(") && v.endsWith(")")) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return v;
  }

  public boolean alive() {
    synchronized (lock) {
      return !dead;
    }
  }

  /** Starts a fresh bash in the workspace after the learner's `exit` ended the old one. */
  public void restart() throws IOException {
    reapProcesses();
    cwd = workspace.toString();
    venv = "";
    spawn();
  }

  /** What became of keys offered to the running command. */
  public enum Offer {
    SENT,
    /** Bash itself is busy between the command and the prompt (a builtin): offer them again. */
    LATER,
    /** The command has ended: the keys belong to the tutor's next prompt. */
    REFUSED
  }

  /**
   * Keys typed while a command runs, without waiting: sent, refused (the command has ended), or
   * to be offered again later, with any keys typed since. Ctrl-C, Ctrl-Z and Ctrl-\ are sent
   * once the command's program has the terminal.
   */
  public Offer offer(byte[] bytes, int off, int len) {
    try {
      synchronized (keyLock) {
        while (keys == Keys.WAIT) {
          keyLock.wait(100);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Offer.REFUSED;
    }
    long pid = pid(); // before keyLock: pid() takes lock, and lock is never taken inside keyLock
    boolean signal = signals(bytes, off, len);
    if (signal) {
      // a Ctrl-C typed right after Enter is for the command: hold it until the command has begun,
      // or bash's readline would take it and drop the line instead
      synchronized (lock) {
        await(() -> started || finishing || doneSeen, Duration.ofSeconds(2));
      }
      awaitChildInForeground();
    }
    synchronized (keyLock) {
      if (keys != Keys.OPEN) {
        return Offer.REFUSED;
      }
      try {
        markTyped(true);
        if (!signal && !commandReads(pid)) {
          return Offer.LATER;
        }
        toPty.write(bytes, off, len);
        toPty.flush();
      } catch (IOException e) {
        // bash went away mid-keystroke; the pump notices and ends the command
      }
      return Offer.SENT;
    }
  }

  /**
   * Whether a key written now reaches the command rather than bash after it: a program of the
   * command has the terminal, or bash's own `read` waits on it. Bash busy in between (a builtin,
   * its prompt hook) gets none: it takes the terminal back before it looks for the typed file,
   * and the file was made before this check, so every key written here is one bash drains.
   */
  private static boolean commandReads(long pid) {
    long[] stat = TerminalWait.stat(pid);
    if (stat == null || stat[TerminalWait.TPGID] != pid) {
      return true;
    }
    return TerminalWait.readsStdin(TerminalWait.syscall(pid));
  }

  /**
   * PS0 comes before bash forks the command, and the child takes the terminal before it execs:
   * a Ctrl-C before the exec meets bash's own handlers and the command runs all the same. So the
   * key waits until the foreground process is another program. A builtin never takes the
   * terminal and a subshell stays bash, so this gives up after a second.
   */
  private void awaitChildInForeground() {
    long pid = pid();
    long end = System.nanoTime() + 1_000_000_000L;
    while (System.nanoTime() < end) {
      synchronized (lock) {
        if (finishing || doneSeen || dead) {
          return;
        }
      }
      long[] stat = TerminalWait.stat(pid);
      if (stat == null || stat[TerminalWait.TPGID] != pid
          && !TerminalWait.comm(stat[TerminalWait.TPGID]).equals(TerminalWait.comm(pid))) {
        return;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * A command is about to run: keys typed from now on wait for it instead of being refused as
   * typed after the last one.
   */
  public void expectCommand() {
    synchronized (keyLock) {
      keys = Keys.WAIT;
    }
  }

  /**
   * The typed file tells bash's prompt hook that keys may be waiting on the terminal. It is made
   * before the first key is written, so bash either sees it or gets no key before it looks.
   * Called holding keyLock.
   */
  private void markTyped(boolean typed) throws IOException {
    if (typed == typedThisCommand) {
      return;
    }
    Path flag = ctl.resolve("typed");
    if (typed) {
      Files.write(flag, new byte[0]);
    } else {
      Files.deleteIfExists(flag);
    }
    typedThisCommand = typed;
  }

  private static boolean signals(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] == 0x03 || b[i] == 0x1a || b[i] == 0x1c) {
        return true;
      }
    }
    return false;
  }

  /** Ctrl-C for the running command: the PTY's line discipline signals its process group. */
  public void interrupt() {
    synchronized (keyLock) {
      if (keys == Keys.OPEN) {
        writeQuietly(new byte[] {0x03});
      }
    }
  }

  public void resize(int newCols, int newRows) {
    if (newCols <= 0 || newRows <= 0) {
      return;
    }
    synchronized (lock) {
      if (process != null && !dead && (newCols != cols || newRows != rows)) {
        cols = newCols;
        rows = newRows;
        process.setWinSize(new WinSize(newCols, newRows));
      }
    }
  }

  private void writeQuietly(byte[] b) {
    try {
      OutputStream o = toPty;
      if (o != null) {
        o.write(b);
        o.flush();
      }
    } catch (IOException e) {
      // nothing to interrupt any more
    }
  }

  private void ensureAlive() throws IOException {
    if (dead) {
      throw new IOException("the shell has ended");
    }
  }

  /**
   * Waits (holding the lock) until {@code done} holds, the shell dies or {@code limit} passes;
   * true when {@code done} holds. The reader thread notifies on every marker and on death.
   */
  private boolean await(BooleanSupplier done, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (!done.getAsBoolean() && !dead) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.min(Math.max(1, left / 1_000_000), 250));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted"));
    }
    return done.getAsBoolean();
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void reapProcesses() {
    PtyProcess p;
    synchronized (lock) {
      p = process;
    }
    ProcessReaper.killSession(p == null ? -1 : p.pid(), key);
    if (p != null) {
      p.destroyForcibly();
    }
  }

  /** Ends bash and everything the lesson started from it, even `setsid`/`nohup` children. */
  @Override
  public void close() {
    reapProcesses();
    cmdFile.close();
    synchronized (lock) {
      dead = true;
      lock.notifyAll();
    }
    try (var files = Files.list(ctl)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(ctl);
    } catch (IOException e) {
      // a leftover temp dir is harmless
    }
  }
}
