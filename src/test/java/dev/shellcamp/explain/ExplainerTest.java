package dev.shellcamp.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.json.Json;
import dev.shellcamp.lesson.CheckSpec;
import dev.shellcamp.lesson.Misconception;
import dev.shellcamp.shell.CommandResult;
import dev.shellcamp.shell.OutputSink;
import dev.shellcamp.shell.ShellExtension;
import dev.shellcamp.ui.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each built-in rule fires on its mistake, made for real in a bash on a PTY where this machine
 * can make it (as root, sudo cannot be denied; Docker's failures are given as the engine prints
 * them), and is silent on the corrected command.
 */
class ExplainerTest {
  @RegisterExtension static final ShellExtension bash = new ShellExtension(100, 30);
  private final List<CommandResult> commands = new ArrayList<>();
  private final List<CheckSpec> checks = new ArrayList<>();
  private final Map<String, byte[]> snapshots = new HashMap<>();
  private String venv = "";

  @BeforeEach
  void clean() throws Exception {
    run("cd ~ && rm -rf -- * .venv 2>/dev/null; true");
    commands.clear();
  }

  private CommandResult run(String line) throws Exception {
    CommandResult r = bash.shell().run(line, OutputSink.DISCARD, Duration.ofSeconds(10));
    commands.add(r);
    return r;
  }

  /** A command this machine cannot fail for real, with what it prints where it does fail. */
  private void printed(String line, int exit, String output) {
    commands.add(new CommandResult(line, exit, output, bash.home().toString()));
  }

  private static CheckSpec check(String type, Object... kv) {
    return new CheckSpec(type, Json.object(kv), 1);
  }

  private void step(CheckSpec... cs) throws Exception {
    checks.clear();
    checks.addAll(List.of(cs));
    snapshots.clear();
    for (CheckSpec c : cs) {
      Path f = bash.home().resolve(c.string("path") == null ? "-" : c.string("path"));
      if (c.type().equals("file") && Files.isRegularFile(f)) {
        snapshots.put(c.string("path"), Files.readAllBytes(f));
      }
    }
    commands.clear();
  }

  private List<String> firing() {
    return Explainer.firing(new Attempt(commands, bash.home(), venv, checks, snapshots::get), List.of(), "s");
  }

  private void fires(String id) {
    assertEquals(List.of(id), firing(), "after " + commands.get(commands.size() - 1).line());
  }

  private void silent() {
    assertEquals(List.of(), firing(), "after " + commands.get(commands.size() - 1).line());
  }

  private void write(String name, String text) throws Exception {
    Files.createDirectories(bash.home().resolve(name).getParent());
    Files.writeString(bash.home().resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void redirections() throws Exception {
    step();
    run("ls nothere 2>&1 > out.txt");
    fires("redirect-order");
    run("ls nothere > out.txt 2>&1");
    silent();
    run("ls nothere 2>&1 >/dev/null | wc -l");  // the idiom that keeps only errors: not a mistake
    silent();

    printed("sudo echo 127.0.0.1 web > /etc/hosts", 1, "bash: /etc/hosts: Permission denied\n");
    fires("sudo-redirect");
    printed("echo 127.0.0.1 web | sudo tee -a /etc/hosts", 0, "127.0.0.1 web\n");
    silent();

    write("story.txt", "Once upon a time,\na penguin.\n");
    step(check("file", "path", "story.txt", "contains", "Once upon a time,\na penguin.\nThe end."));
    run("echo 'The end.' > story.txt");
    fires("overwrote");
    write("story.txt", "Once upon a time,\na penguin.\n");
    run("echo 'The end.' >> story.txt");
    silent();
  }

  @Test
  void scripts() throws Exception {
    step();
    write("crlf.sh", "#!/bin/bash\r\necho hi\r\n");
    run("chmod +x crlf.sh && ./crlf.sh");
    fires("crlf-script");
    run("sed -i 's/\\r$//' crlf.sh && ./crlf.sh");
    silent();

    write("hello.sh", "#!/bin/bash\necho hello\n");
    run("./hello.sh");
    fires("no-exec-bit");
    run("bash hello.sh");
    silent();

    write("greet.py", "print('hi')\nimport sys\n");
    run("chmod +x greet.py && ./greet.py");
    fires("no-shebang");
    write("greet.py", "#!/usr/bin/env python3\nprint('hi')\n");
    run("./greet.py");
    silent();

    run("GREETING = hello");
    fires("assign-spaces");
    run("GREETING= hello");
    fires("assign-spaces");
    run("GREETING=hello");
    silent();

    run("[ -f hello.sh]");
    fires("test-brackets");
    run("[ -f hello.sh ]");
    silent();

    run("mkdir -p project && cd \"~/project\"");
    fires("tilde-in-quotes");
    run("cd ~/project && cd ~");
    silent();
  }

  @Test
  void theShellsOwnState() throws Exception {
    write("setenv.sh", "#!/bin/bash\nexport APP_MODE=dev\n");
    step(check("env", "name", "APP_MODE", "equals", "dev"));
    run("bash setenv.sh");
    fires("script-not-sourced");
    run("source setenv.sh");
    silent();

    step(check("env", "name", "COLOR", "exported", "true"));
    run("COLOR=red");
    run("env | grep -c COLOR");
    fires("not-exported");
    run("export COLOR");
    silent();

    step(check("output", "contains", "Hello, root"));
    run("echo 'Hello, $USER'");
    fires("single-quoted-var");
    run("echo \"Hello, $USER\"");
    silent();

    run("mkdir -p project");
    step(check("cwd", "path", "project"));
    run("(cd project)");
    fires("cd-in-subshell");
    run("cd project | true");
    fires("cd-in-subshell");
    run("cd project");
    silent();
  }

  @Test
  void filesAndFolders() throws Exception {
    step();
    run("mkdir a/b/c");
    fires("mkdir-parents");
    run("mkdir -p a/b/c");
    silent();

    run("cp a backup");
    fires("cp-directory");
    run("cp -r a backup");
    silent();

    run("rm backup");
    fires("rm-directory");
    run("rm -r backup");
    silent();

    write("notes.txt", "keep me\n");
    step(check("file", "path", "notes.txt", "contains", "keep me"));
    run("rm notes.txt");
    fires("removed-needed-file");
    write("junk.txt", "x");
    run("rm junk.txt");
    silent();

    write("deploy.sh", "#!/bin/sh\n");
    step(check("file", "path", "deploy.sh", "mode", "750"));
    run("chmod 777 deploy.sh");
    fires("chmod-777");
    run("chmod 750 deploy.sh");
    silent();

    step();
    write("a.log", "");
    write("b.log", "");
    run("find . -name *.log");
    fires("find-unquoted-glob");
    run("find . -name '*.log'");
    silent();

    run("sleep 60 & kill sleep");
    fires("kill-by-name");
    run("kill $!");
    silent();
  }

  @Test
  void python() throws Exception {
    write(".venv/pyvenv.cfg", "home = /usr/bin\n");
    write(".venv/bin/activate", "# activate\n");
    step();
    printed("pip install requests", 1, "error: externally-managed-environment\n");
    fires("pip-outside-venv");
    printed(".venv/bin/pip install requests", 0, "Successfully installed requests\n");
    silent();
    venv = ".venv";
    printed("pip install requests", 0, "Successfully installed requests\n");
    silent();
    venv = "";

    run("PATH=/nowhere python --version");
    fires("python-is-python3");
    run("python3 --version");
    silent();
  }

  @Test
  void docker() throws Exception {
    write("Dockerfile", "FROM shellcamp/busybox\nENV GREETING = hello\nCOPY app.sh /app.sh\n");
    step();
    printed("docker build -t greet .", 0, "Successfully built 1234\n");
    fires("dockerfile-env-spaces");
    write("Dockerfile", "FROM shellcamp/busybox\nENV GREETING=hello\nCOPY app.sh /app.sh\n");
    printed("docker build -t greet .", 0, "Successfully built 1234\n");
    silent();

    step(check("docker", "container", "web", "running", "true"));
    printed("docker run --name web shellcamp/busybox httpd -f", 130, "^C\n");
    fires("docker-run-foreground");
    printed("docker run -d --name web shellcamp/busybox httpd -f", 0, "3f2a\n");
    silent();

    step(check("docker", "container", "db", "port", "3305:3306"));
    printed("docker run -d --name db -p 3306:3305 mysql", 0, "3f2a\n");
    fires("port-reversed");
    printed("docker run -d --name db -p 3305:3306 mysql", 0, "3f2a\n");
    silent();

    step();
    printed("docker run nginx -p 8080:80", 127, "docker: Error response from daemon: failed to create task: exec: \"-p\": "
        + "executable file not found in $PATH: unknown.\n");
    fires("docker-options-after-image");
    printed("docker run -p 8080:80 nginx", 0, "");
    silent();

    write("server.py", "from http.server import HTTPServer\nHTTPServer(('127.0.0.1', 8000), H).serve_forever()\n");
    printed("curl localhost:8000", 52, "curl: (52) Empty reply from server\n");
    fires("server-on-loopback");
    write("server.py", "from http.server import HTTPServer\nHTTPServer(('0.0.0.0', 8000), H).serve_forever()\n");
    printed("curl localhost:8000", 52, "curl: (52) Empty reply from server\n");
    silent();

    printed("docker ps", 1, "permission denied while trying to connect to the Docker daemon socket at "
        + "unix:///var/run/docker.sock\n");
    fires("docker-socket-denied");
  }

  @Test
  void everyRuleHasItsTextsInBothLanguages() {
    assertTrue(Explainer.RULES.size() >= 20, "rules: " + Explainer.RULES.size());
    for (String lang : List.of("en", "ko")) {
      Messages m = Messages.of(lang);
      for (Rule r : Explainer.RULES) {
        for (String part : List.of("name", "why", "fix")) {
          String key = "mistake." + r.id() + "." + part;
          assertTrue(!m.get(key).equals(key), lang + " lacks " + key);
        }
      }
    }
  }

  @Test
  void aLessonsOwnRuleComesFirstAndSpeaksTheLearnersLanguage() {
    Misconception uniq = new Misconception("uniq-unsorted", "s", "^(?!.*sort).*\\buniq\\b", null, null, Map.of(
        "en", new Misconception.Text("uniq without sort", "uniq drops repeats only next to each other", "sort first"),
        "ko", new Misconception.Text("sort 없는 uniq", "uniq는 붙어 있는 중복만 지워요", "먼저 sort 하세요")));
    printed("cat fruits.txt | uniq", 0, "apple\nbanana\napple\n");
    Attempt a = new Attempt(commands, bash.home(), "", List.of(), p -> null);
    Optional<Explanation> ko = Explainer.explain(a, List.of(uniq), "s", Messages.of("ko"));
    assertEquals("sort 없는 uniq", ko.orElseThrow().name());
    assertEquals(Optional.empty(), Explainer.explain(a, List.of(uniq), "other-step", Messages.of("en")));
    printed("sort fruits.txt | uniq", 0, "apple\nbanana\n");
    assertEquals(List.of(), Explainer.firing(new Attempt(commands, bash.home(), "", List.of(), p -> null), List.of(uniq), "s"));
  }
}
