package dev.shellcamp.check;

import dev.shellcamp.lesson.CheckSpec;
import java.util.List;

/** Evaluates check specs; the one place that maps a check type to its implementation. */
public final class Checks {
  private Checks() {}

  public static Result evaluate(CheckSpec spec, Context ctx) {
    try {
      return switch (spec.type()) {
        case "output" -> OutputCheck.check(spec, ctx);
        case "exit" -> ExitCheck.check(spec, ctx);
        case "typed" -> TypedCheck.check(spec, ctx);
        case "cwd" -> CwdCheck.check(spec, ctx);
        case "env" -> EnvCheck.check(spec, ctx);
        case "file" -> FileCheck.check(spec, ctx);
        case "run" -> RunCheck.check(spec, ctx);
        case "quiz" -> QuizCheck.check(spec, ctx);
        case "lab" -> LabCheck.check(spec, ctx);
        case "docker" -> DockerCheck.check(spec, ctx);
        case "java" -> JavaCheck.check(spec, ctx);
        case "process" -> ProcessCheck.check(spec, ctx);
        case "port" -> PortCheck.check(spec, ctx);
        case "disk" -> DiskCheck.check(spec, ctx);
        case "http" -> HttpCheck.check(spec, ctx);
        default -> Result.fail(ctx.messages().get("check.unknown", spec.type()));
      };
    } catch (RuntimeException e) {
      return Result.fail(ctx.messages().get("check.error", spec.type(), String.valueOf(e.getMessage())));
    }
  }

  /** All checks of a step, in order; the first failure is the step's reason. */
  public static Result all(List<CheckSpec> specs, Context ctx) {
    for (CheckSpec s : specs) {
      Result r = evaluate(s, ctx);
      if (!r.passed()) {
        return r;
      }
    }
    return Result.PASS;
  }
}
