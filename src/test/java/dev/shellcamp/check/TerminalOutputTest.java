package dev.shellcamp.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.shell.PtyShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output checks against what real commands print on a real terminal (a PTY 100 columns wide):
 * every correct answer a learner types passes, whatever layout the terminal gave it, and every
 * wrong one still fails.
 */
class TerminalOutputTest {
  @TempDir static Path ws;
  static PtyShell shell;

  @BeforeAll
  static void start() throws Exception {
    shell = PtyShell.start(ws, Map.of(), 100, 30);
    run("""
        printf '%s\\n' 'GET /a 200' 'GET /b 500' 'POST /c 200' > access.log
        touch access.log.1 access.log.2 README
        mkdir -p sub tools/lib spaced many
        touch sub/a.log sub/b.log sub/c.log tools/notes spaced/todo.txt 'spaced/my notes.txt'
        printf '#!/bin/sh\\n' > tools/deploy.sh && chmod +x tools/deploy.sh
        for i in $(seq 10 39); do touch many/report-number-$i.csv; done
        printf '1;2;3;4;5;6;7;8;9;10' > split-me.txt
        """);
  }

  @AfterAll
  static void stop() {
    shell.close();
  }

  private static CommandResult run(String line) throws Exception {
    return shell.run(line, OutputSink.DISCARD, Duration.ofSeconds(10));
  }

  private static Result check(CheckSpec spec, String line) throws Exception {
    CommandResult r = run(line);
    run("cd ~");
    FakeContext c = new FakeContext(ws);
    c.ran(r);
    return Checks.evaluate(spec, c);
  }

  private static void accepts(CheckSpec spec, String... lines) throws Exception {
    for (String l : lines) {
      Result r = check(spec, l);
      assertTrue(r.passed(), l + " should pass: " + r.reason());
    }
  }

  private static void rejects(CheckSpec spec, String... lines) throws Exception {
    for (String l : lines) {
      assertFalse(check(spec, l).passed(), l + " should fail");
    }
  }

  private static CheckSpec lines(List<String> want, Object... more) {
    List<Object> kv = new ArrayList<>(List.of("lines", want));
    kv.addAll(List.of(more));
    return FakeContext.spec("output", kv.toArray());
  }

  @Test
  void lsInColumnsAnswersAsOneNamePerLine() throws Exception {
    CheckSpec logs = lines(List.of("access.log", "access.log.1", "access.log.2"), "order", "false", "re_sub", List.of("^\\./", ""));
    accepts(logs, "ls access.log*", "ls -1 access.log*", "ls -u access.log*", "ls -F access.log*", "ls ./access.log*",
        "ls -x access.log*", "ls --color=always access.log*", "printf '%s\\n' access.log*", "find . -name 'access.log*'",
        "ls access.log* | cat", "cd sub && cd .. && ls access.log*", "(ls access.log*)", "\\ls -C access.log*");
    rejects(logs, "ls", "ls access.log", "ls access.log.*", "echo access.log*", "ls -l access.log*",
        "ls -m access.log*", "ls -Q access.log*", "ls access.log* | paste -s", "printf '%s\\t' access.log*",
        "echo $(ls access.log*)", "ls -a access.log* README",
        "ls access.log* > /dev/null; echo 'access.log  access.log.1  access.log.2'");
  }

  @Test
  void aFailureShowsTheColumnsReadAsLines() throws Exception {
    Result r = check(lines(List.of("access.log", "access.log.1", "access.log.2")), "ls access.log.*");
    assertTrue(r.reason().contains("ls laid out 2 names in columns") && r.reason().contains("expected 3 lines, found 2")
        && r.reason().contains("- \"access.log.2\""), r.reason());
  }

  @Test
  void orderStillCountsDownTheColumns() throws Exception {
    List<String> names = IntStream.range(10, 40).mapToObj(i -> "report-number-" + i + ".csv").toList();
    CheckSpec sorted = lines(names);
    assertTrue(run("ls many").output().strip().lines().count() > 1, "the test needs ls to use several rows");
    accepts(sorted, "ls many", "ls -x many", "cd many && ls", "ls -1 many", "ls many/ | sort");
    rejects(sorted, "ls -r many", "ls -I report-number-20.csv many", "ls many README", "ls many | head -n 29");
    CheckSpec three = lines(List.of("a.log", "b.log", "c.log"), "re_sub", List.of("^.*/", ""));
    accepts(three, "ls sub", "ls ./sub/*.log", "ls -F sub");
    rejects(three, "ls -r sub", "ls sub/a.log sub/c.log", "ls -U sub/c.log sub/a.log sub/b.log");
  }

  @Test
  void typeMarksOfLsDashFCountOnlyWhereTheFileIsOfThatType() throws Exception {
    CheckSpec tools = lines(List.of("deploy.sh", "lib", "notes"));
    accepts(tools, "ls tools", "ls -F tools", "ls -p tools", "cd tools && ls -F", "ls --classify tools");
    rejects(tools, "ls -F tools/lib tools", "ls -s tools");
    FakeContext c = new FakeContext(ws);
    c.ran("ls -F tools", "deploy.sh*  lib/  notes*\n", 0);  // notes is not executable: the mark is not ls's
    assertFalse(Checks.evaluate(tools, c).passed());
  }

  @Test
  void namesLsQuotedOnTheTerminalAreReadWithoutTheQuotes() throws Exception {
    CheckSpec spaced = lines(List.of("my notes.txt", "todo.txt"));
    accepts(spaced, "ls spaced", "ls -1 spaced", "find spaced -type f -printf '%f\\n' | sort");
    rejects(spaced, "ls -Q spaced", "ls spaced | tr ' ' .");
  }

  @Test
  void aCarriageReturnSeparatesLines() throws Exception {
    CheckSpec numbers = lines(IntStream.rangeClosed(1, 10).mapToObj(String::valueOf).toList());
    accepts(numbers, "tr ';' '\\n' < split-me.txt", "tr ';' '\\r' < split-me.txt", "tr ';' '\\r' < split-me.txt; echo",
        "seq 10");
    rejects(numbers, "cat split-me.txt", "tr ';' ' ' < split-me.txt", "tr ';' '\\t' < split-me.txt", "seq 9", "seq 10 | tac");
  }

  @Test
  void aPagerShowingAShortTextEndsInsteadOfWaiting() throws Exception {
    CheckSpec log = lines(List.of("GET /a 200", "GET /b 500", "POST /c 200"));
    accepts(log, "more access.log", "more < access.log", "less access.log", "cat access.log | more", "cat access.log");
    rejects(log, "more README", "less -N access.log", "head -n 2 access.log | more");
  }

  @Test
  void filesKeepTheirPermissionsForTheTypeMarks() throws Exception {
    // guards the -F test above: the executable bit must be what makes deploy.sh's mark ls's
    assertTrue(PosixFilePermissions.toString(Files.getPosixFilePermissions(ws.resolve("tools/deploy.sh"))).contains("x"));
  }
}
