package dev.shellcamp.cli;

import dev.shellcamp.json.Json;
import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.LessonLoader;
import dev.shellcamp.run.StepReport;
import dev.shellcamp.run.Verifier;
import dev.shellcamp.shell.Capabilities;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Test lessons like code in a real PTY bash: unsolved fails, cheats fail, solutions pass.")
final class VerifyCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "lessons/, a course folder or a lesson folder")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--json", description = "one JSON object per step and line")
  boolean json = false;

  @Option(names = "--seed", description = "the seed that picks lesson vars (default: random, printed)")
  Long seed = null;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long s = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
    Set<String> required = Capabilities.required();
    Capabilities caps = root.env().caps();
    Verifier verifier = new Verifier(Env.messages(root.lang, null), caps, required);
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    StepReport.Generated generated = StepReport.Generated.NONE;
    for (Path p : paths) {
      if (!Files.exists(p)) {
        spec.commandLine().getErr().println(p + ": no such file or folder");
        return ExitCodes.USAGE;
      }
      for (Path dir : Catalog.lessonDirs(p)) {
        LessonLoader.Loaded loaded = LessonLoader.load(dir, s);
        List<StepReport> reports = new ArrayList<>();
        if (loaded.lesson() == null) {
          String why = loaded.problems().isEmpty() ? "does not load" : loaded.problems().get(0).toString();
          StepReport r = StepReport.unloadable(dir.toString(), "lint: " + why);
          print(out, r);
          reports.add(r);
        } else {
          var lesson = loaded.lesson();
          Optional<Capabilities.Probe> missing = caps.missing(lesson.requires());
          if (missing.isPresent() && !required.contains(missing.get().name())) {
            StepReport r = StepReport.skipped(lesson.id(), "needs " + missing.get().name() + ": " + missing.get().detail());
            print(out, r);
            skipped++;
            continue;
          }
          reports.addAll(verifier.verify(lesson, r -> print(out, r)));
          StepReport.Generated g = reports.stream().map(StepReport::generated)
              .reduce(StepReport.Generated.NONE, StepReport.Generated::plus);
          generated = generated.plus(g);
          if (!json) {
            out.println("  " + lesson.id() + ": " + counts(g));
          }
        }
        for (StepReport r : reports) {
          if (r.skipped()) {
            skipped++;
          } else if (r.passed()) {
            passed++;
          } else {
            failed++;
          }
        }
      }
    }
    if (!json) {
      if (failed > 0) {
        out.println("seed " + s + " (rerun with --seed " + s + ")");
      }
      out.println(passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "")
          + "; " + counts(generated));
    }
    out.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** "generated cheats: 12 ran, 1 passed, 2 accepted"; the passed ones are those that fail a step. */
  private static String counts(StepReport.Generated g) {
    return "generated cheats: " + g.ran() + " ran, " + g.passed() + " passed"
        + (g.accepted() > 0 ? ", " + g.accepted() + " accepted" : "");
  }

  private void print(PrintWriter out, StepReport r) {
    if (json) {
      out.println(Json.line(r.toJson()));
    } else if (r.skipped()) {
      out.println("- " + r.lesson() + (r.step().equals("*") ? "" : " " + r.step()) + ": skipped, " + r.reason());
    } else {
      out.println((r.passed() ? "✓ " : "✗ ") + r.lesson() + " " + r.step() + (r.passed() ? "" : ": " + r.reason()));
    }
    out.flush();
  }
}
