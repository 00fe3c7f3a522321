package dev.shellcamp.cli;

import dev.shellcamp.lesson.Catalog;
import dev.shellcamp.lesson.DuplicateIds;
import dev.shellcamp.lesson.LessonLoader;
import dev.shellcamp.lesson.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Validate lesson files: one 'file:line: message' per problem; exit 1 on any.")
final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "lessons/, a course folder or a lesson folder")
  List<Path> paths = new ArrayList<>();

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    List<Problem> problems = new ArrayList<>();
    int lessons = 0;
    // lessons not under a catalog.yaml (a catalog finds its own duplicates)
    List<LessonLoader.Loaded> loose = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        spec.commandLine().getErr().println(p + ": no such file or folder");
        return ExitCodes.USAGE;
      }
      if (Files.isRegularFile(p.resolve("catalog.yaml"))) {
        Catalog c = Catalog.load(p, 0);
        problems.addAll(c.problems());
        lessons += Catalog.lessonDirs(p).size();
        continue;
      }
      for (Path dir : Catalog.lessonDirs(p)) {
        LessonLoader.Loaded l = LessonLoader.load(dir, 0);
        problems.addAll(l.problems());
        loose.add(l);
        lessons++;
      }
    }
    problems.addAll(DuplicateIds.find(loose));
    problems.forEach(out::println);
    out.println(lessons + " lessons checked, " + problems.size() + " problems");
    out.flush();
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
