package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** A bash script the author wrote; exit 0 passes, and its {@code FAIL: reason} line says why not. */
final class RunCheck {
  private static final Duration LIMIT = Duration.ofSeconds(15);
  /**
   * Defined for every run script: {@code fail "English reason" "한국어 이유"} prints both reasons
   * (newlines folded) and fails the check; the learner sees theirs, and a class board can show the
   * other without running the script again. A script may still print {@code FAIL: reason} itself.
   */
  private static final String PRELUDE = "fail() { local en=${1//$'\\n'/ } ko=${2:-}; ko=${ko//$'\\n'/ }; "
      + "printf 'FAIL2:%s\\t%s\\n' \"${en//$'\\t'/ }\" \"${ko//$'\\t'/ }\"; exit 1; }\n"
      + FailKey.PRELUDE;

  private RunCheck() {}

  static Result check(CheckSpec spec, Context ctx) {
    var m = ctx.messages();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cmd = new CommandLine("/bin/bash").addArgument("-c").addArgument(PRELUDE + spec.string("value"), false);
    ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(LIMIT).get();
    DefaultExecutor exec = DefaultExecutor.builder().setWorkingDirectory(ctx.workspace().toFile()).get();
    exec.setStreamHandler(new PumpStreamHandler(out, err));
    exec.setWatchdog(watchdog);
    exec.setExitValues(null);
    int status;
    try {
      java.util.Map<String, String> env = new java.util.HashMap<>(ctx.scriptEnv());
      env.put("SHELLCAMP_LANG", m.lang());
      status = exec.execute(cmd, env);
    } catch (ExecuteException e) {
      status = e.getExitValue();
    } catch (IOException e) {
      return Result.fail(m.get("check.run.error", e.getMessage()));
    }
    if (watchdog.killedProcess()) {
      return Result.fail(m.get("check.run.timeout", LIMIT.toSeconds()));
    }
    if (status == 0) {
      return Result.PASS;
    }
    String o = out.toString(StandardCharsets.UTF_8);
    String e = err.toString(StandardCharsets.UTF_8);
    for (String line : (o + "\n" + e).split("\n")) {
      if (line.startsWith(FailKey.MARK)) {
        return Result.fail(FailKey.say(line.substring(FailKey.MARK.length()), spec, m));
      }
      if (line.startsWith("FAIL2:")) {
        String[] both = line.substring(6).split("\t", 2);
        return Result.fail(m.either(both[0].strip(), both.length > 1 ? both[1].strip() : "").strip());
      }
      if (line.startsWith("FAIL:")) {
        return Result.fail(line.substring(5).strip());
      }
    }
    String[] errLines = e.strip().split("\n");
    String last = errLines[errLines.length - 1].strip();
    return Result.fail(last.isEmpty() ? m.get("check.run.status", status) : last);
  }
}
