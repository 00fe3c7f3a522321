package dev.shellcamp.snippet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/**
 * One JShell whose snippets run in a child JVM started in the workspace. Learner files are
 * loaded statement by statement (JShell's eval takes one), keeping each snippet's line in its
 * file so compiler errors and stack frames point at the learner's own lines. After a timeout or
 * the child's end the session is spent: take a new one.
 */
public final class JavaSession implements AutoCloseable {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "snippet-timeout");
    t.setDaemon(true);
    return t;
  });
  /** A value travels as Base64 of its String.valueOf, so no quoting rules of JShell's display apply. */
  private static final String VALUE_PREFIX = "java.util.Base64.getEncoder().encodeToString(String.valueOf((Object)(";
  private static final String VALUE_SUFFIX = ")).getBytes(java.nio.charset.StandardCharsets.UTF_8))";

  private final JShell js;
  private final ChildEngine engine;
  private final ByteArrayOutputStream out;
  private final Map<String, Origin> origins = new HashMap<>();
  private final List<DeclarationSnippet> declared = new ArrayList<>();
  private volatile boolean ended;
  private volatile boolean timedOut;

  /** Where a snippet came from. JShell numbers a class's stack frames from 1, so only other snippets get a line. */
  private record Origin(String file, int line, boolean type) {}

  private JavaSession(JShell js, ChildEngine engine, ByteArrayOutputStream out) {
    this.js = js;
    this.engine = engine;
    this.out = out;
  }

  /** Starts a child JVM whose working directory is {@code workdir}. */
  public static JavaSession start(Path workdir) throws IOException {
    ChildEngine engine = new ChildEngine(workdir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    JShell js;
    try {
      // System.in stays empty; a case with stdin sets its own (JShell's remote stdin ends for good at EOF)
      js = JShell.builder().executionEngine(engine, Map.of()).out(ps).err(ps).in(InputStream.nullInputStream()).build();
    } catch (IllegalStateException e) {
      engine.kill();
      throw new IOException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
    }
    JavaSession s = new JavaSession(js, engine, out);
    js.onShutdown(j -> s.ended = true);
    return s;
  }

  /** Pays the first snippet's costs (javac's classes, the child's class loading) ahead of a check. */
  void warm() {
    eval("1", true, "", Duration.ofSeconds(30));
    load("warm-up", "class ScWarmUp { static int one() { return 1; } static void no() { throw new "
        + "IllegalStateException(); } }", Duration.ofSeconds(30));
    eval("ScWarmUp.no()", false, null, Duration.ofSeconds(30));  // the exception path, as a failing case takes it
  }

  public boolean usable() {
    return !ended && !timedOut && engine.process() != null && engine.process().isAlive();
  }

  /** Loads a learner's file: imports, classes, methods, statements, in order. */
  public Outcome load(String file, String source, Duration timeout) {
    List<CompileError> errors = new ArrayList<>();
    for (Split.Piece p : Split.pieces(js.sourceCodeAnalysis(), source)) {
      List<SnippetEvent> events = timed(timeout, () -> js.eval(p.source()));
      if (timedOut || ended || events == null) {
        return Outcome.of(timedOut ? Outcome.Kind.TIMEOUT : Outcome.Kind.EXITED, printed());
      }
      for (SnippetEvent e : events) {
        if (e.causeSnippet() != null) {
          continue;
        }
        Snippet sn = e.snippet();
        origins.put(sn.id(), new Origin(file, Split.lineOf(source, p.offset() + Split.leadingSpace(p.source())),
            sn.kind() == Snippet.Kind.TYPE_DECL));
        if (sn instanceof DeclarationSnippet d) {
          declared.add(d);
        }
        if (e.status() == Snippet.Status.REJECTED) {
          js.diagnostics(sn).filter(Diag::isError).forEach(d -> errors.add(
              new CompileError(file, Split.lineOf(source, p.offset() + (int) Math.max(0, d.getStartPosition())),
                  message(d))));
        } else if (e.exception() != null && errors.isEmpty()) {
          return thrown(e.exception());
        }
      }
    }
    return errors.isEmpty() ? Outcome.of(Outcome.Kind.DONE, printed()) : Outcome.errors(errors);
  }

  /** After every file is loaded: a declaration still waiting for a name nobody defined does not compile. */
  public Outcome unresolved() {
    List<CompileError> errors = new ArrayList<>();
    for (DeclarationSnippet d : declared) {
      Snippet.Status st = js.status(d);
      if (st == Snippet.Status.RECOVERABLE_DEFINED || st == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        List<String> names = js.unresolvedDependencies(d).toList();
        if (!names.isEmpty()) {
          Origin o = origins.get(d.id());
          errors.add(new CompileError(o.file(), o.line(), "cannot find symbol: " + String.join(", ", names)));
        }
      }
    }
    return errors.isEmpty() ? Outcome.of(Outcome.Kind.DONE, "") : Outcome.errors(errors);
  }

  /**
   * Runs {@code code}: with {@code value}, one expression whose String.valueOf is the outcome's
   * value; otherwise statements that must complete. {@code stdin} is what System.in reads.
   */
  public Outcome eval(String code, boolean value, String stdin, Duration timeout) {
    List<String> sources = new ArrayList<>();
    if (stdin != null && !stdin.isEmpty()) {
      sources.add("System.setIn(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(\""
          + Base64.getEncoder().encodeToString(stdin.getBytes(StandardCharsets.UTF_8)) + "\")));");
    }
    if (value) {
      sources.add(VALUE_PREFIX + code + VALUE_SUFFIX);
    } else {
      Split.pieces(js.sourceCodeAnalysis(), code).forEach(p -> sources.add(p.source()));
    }
    out.reset();
    long deadline = System.nanoTime() + timeout.toNanos();
    String result = null;
    for (String src : sources) {
      Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
      List<SnippetEvent> events = timed(left, () -> js.eval(src));
      if (timedOut || ended || events == null) {
        return Outcome.of(timedOut ? Outcome.Kind.TIMEOUT : Outcome.Kind.EXITED, printed());
      }
      for (SnippetEvent e : events) {
        if (e.causeSnippet() != null) {
          continue;
        }
        if (e.status() == Snippet.Status.REJECTED) {
          int shift = value ? VALUE_PREFIX.length() : 0;
          return Outcome.errors(js.diagnostics(e.snippet()).filter(Diag::isError)
              .map(d -> new CompileError("", 1, message(d) + " (column " + Math.max(1, d.getStartPosition() - shift + 1) + ")"))
              .toList());
        }
        if (e.exception() != null) {
          return thrown(e.exception());
        }
        result = e.value();
      }
    }
    if (!value) {
      return Outcome.of(Outcome.Kind.DONE, printed());
    }
    String b64 = result == null ? "" : result.replace("\"", "");
    return Outcome.value(new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8), printed());
  }

  private Outcome thrown(Exception ex) {
    if (ex instanceof UnresolvedReferenceException u) {
      Origin o = origins.get(u.getSnippet().id());
      // a call into a class whose dependency is missing: a compile problem, not a runtime one
      String names = js.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", "));
      return Outcome.errors(List.of(new CompileError(o == null ? "" : o.file(), o == null ? 1 : o.line(),
          "cannot find symbol: " + names)));
    }
    String cls = ex instanceof EvalException ee ? ee.getExceptionClassName() : ex.getClass().getName();
    return Outcome.threw(cls, ex.getMessage(), where(ex.getStackTrace()), printed());
  }

  /** The first stack frame in a learner's file: {@code Stats.max (Stats.java)} or {@code f (Util.java:4)}. */
  private String where(StackTraceElement[] trace) {
    for (StackTraceElement f : trace) {
      String name = f.getFileName();
      Origin o = name != null && name.startsWith("#") ? origins.get(name.substring(1)) : null;
      if (o != null && !o.file().isEmpty()) {
        String cls = f.getClassName();
        String method = (cls.isEmpty() ? "" : cls.substring(cls.lastIndexOf('$') + 1) + ".") + f.getMethodName();
        return o.type() || f.getLineNumber() <= 0 ? method + " (" + o.file() + ")"
            : method + " (" + o.file() + ":" + (o.line() + f.getLineNumber() - 1) + ")";
      }
    }
    return null;
  }

  private static String message(Diag d) {
    return d.getMessage(Locale.ENGLISH).lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("location:")).collect(Collectors.joining("; "));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Runs one eval under a hard limit: JShell.stop() reaches ChildEngine, which kills the child. */
  private <T> T timed(Duration timeout, Supplier<T> action) {
    ScheduledFuture<?> alarm = TIMER.schedule(() -> {
      timedOut = true;
      js.stop();
    }, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    try {
      return action.get();
    } catch (IllegalStateException e) {
      ended = true;  // JShell closed under us: the child ended
      return null;
    } finally {
      alarm.cancel(false);
    }
  }

  @Override
  public void close() {
    try {
      js.close();
    } finally {
      engine.kill();
    }
  }
}
