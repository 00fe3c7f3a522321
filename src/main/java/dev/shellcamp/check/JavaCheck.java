package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.snippet.JavaSession;
import dev.shellcamp.snippet.Outcome;
import dev.shellcamp.ui.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java exercise: the learner's file (after the {@code with} files) is loaded into a fresh JShell
 * whose code runs in a child JVM, and each case runs against it. With {@code against}, the same
 * file and cases run once per version of other code, each expected to pass or fail: learner tests
 * must fail on a planted bug and pass on the fix. Steps re-check after every command, so a result
 * is remembered for as long as the files it read are unchanged.
 */
final class JavaCheck {
  private static final int DEFAULT_TIMEOUT_MS = 3000;
  private static final Map<String, Result> MEMO = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Result> e) {
      return size() > 64;
    }
  };

  private JavaCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    Messages m = ctx.messages();
    String file = spec.string("file");
    List<String> with = spec.strings("with");
    List<Map<String, String>> versions = spec.maps("against");
    Duration timeout = Duration.ofMillis(spec.has("timeout_ms")
        ? Long.parseLong(spec.string("timeout_ms")) : DEFAULT_TIMEOUT_MS);
    Map<String, String> sources = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(with);
    versions.forEach(v -> names.add(v.get("file")));
    names.add(file);
    for (String name : names) {
      Path p = ctx.workspace().resolve(name);
      if (!Files.isRegularFile(p)) {
        return Result.fail(m.get("check.java.missing", name));
      }
      try {
        sources.put(name, Files.readString(p, StandardCharsets.UTF_8));
      } catch (IOException e) {
        return Result.fail(m.get("check.java.missing", name + " (" + e.getMessage() + ")"));
      }
    }
    String key = key(ctx, spec, sources);
    synchronized (MEMO) {
      Result known = MEMO.get(key);
      if (known != null) {
        return known;
      }
    }
    Result r;
    boolean lasting = true;
    if (versions.isEmpty()) {
      List<String> order = new ArrayList<>(with);
      order.add(file);
      CaseRun run = run(ctx, order, sources, spec.maps("cases"), timeout);
      r = run.verdict() == CaseRun.Verdict.PASS ? Result.PASS : Result.fail(run.reason());
      lasting = run.lasting();
    } else {
      r = Result.PASS;
      for (Map<String, String> v : versions) {
        List<String> order = new ArrayList<>(with);
        order.add(v.get("file"));
        order.add(file);
        CaseRun run = run(ctx, order, sources, spec.maps("cases"), timeout);
        lasting &= run.lasting();
        boolean wantPass = v.get("expect").equals("pass");
        if (wantPass && run.verdict() != CaseRun.Verdict.PASS) {
          r = Result.fail(m.get("check.java.against.pass", v.get("file"), run.reason()));
        } else if (!wantPass && run.verdict() == CaseRun.Verdict.PASS) {
          r = Result.fail(m.get("check.java.against.fail", v.get("file"), file));
        } else if (!wantPass && run.verdict() == CaseRun.Verdict.ERROR) {
          r = Result.fail(m.get("check.java.against.error", v.get("file"), run.reason()));
        }
        if (!r.passed()) {
          break;
        }
      }
    }
    if (lasting) {
      synchronized (MEMO) {
        MEMO.put(key, r);
      }
    }
    return r;
  }

  private static CaseRun run(Context ctx, List<String> order, Map<String, String> sources,
      List<Map<String, String>> cases, Duration timeout) {
    Messages m = ctx.messages();
    try (JavaSession s = ctx.java().take()) {
      for (String name : order) {
        Outcome o = s.load(name, sources.get(name), timeout);
        if (!o.ok()) {
          return CaseRun.loadProblem(m, name, o, timeout);
        }
      }
      Outcome o = s.unresolved();
      if (!o.ok()) {
        return CaseRun.loadProblem(m, order.get(order.size() - 1), o, timeout);
      }
      for (Map<String, String> c : cases) {
        CaseRun r = CaseRun.of(m, c, s.eval(c.get("expr"), c.containsKey("equals"), c.get("stdin"), timeout), timeout);
        if (r.verdict() != CaseRun.Verdict.PASS) {
          return r;
        }
      }
      return CaseRun.PASSED;
    } catch (IOException e) {
      return new CaseRun(CaseRun.Verdict.ERROR, m.get("check.java.engine", e.getMessage()), false);
    } catch (LinkageError e) {
      // a Java runtime without the jdk.jshell module (a JRE or a trimmed image)
      return new CaseRun(CaseRun.Verdict.ERROR, m.get("check.java.engine", "jdk.jshell is missing: " + e), false);
    }
  }

  private static String key(Context ctx, CheckSpec spec, Map<String, String> sources) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update((ctx.workspace() + "\0" + ctx.messages().lang() + "\0" + spec.args())
          .getBytes(StandardCharsets.UTF_8));
      sources.forEach((n, s) -> d.update((n + "\0" + s + "\0").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
