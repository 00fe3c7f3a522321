package dev.shellcamp.check;

import static dev.shellcamp.check.FakeContext.spec;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shellcamp.docker.BaseImage;
import dev.shellcamp.docker.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker check against a real engine: each failure names what the engine has instead. */
class DockerCheckTest {
  private static final String LESSON = "test/docker-check";
  @TempDir static Path ws;

  @BeforeAll
  static void containers() throws Exception {
    Engine.require();
    Engine.removeQuietly("sc-ck-db", "sc-ck-crash");
    Engine.docker(LESSON, "run", "-d", "--init", "--name", "sc-ck-db", "-p", "13305:3306",
        "-e", "DB_ROOT_PASSWORD=secret", "-v", ws + ":/data", BaseImage.TAG,
        "sh", "-c", "echo listening on 3306; sleep 300");
    Engine.docker(LESSON, "run", "-d", "--name", "sc-ck-crash", BaseImage.TAG,
        "sh", "-c", "echo 'error: DB_HOST is not set' >&2; exit 2");
    Engine.docker(null, "wait", "sc-ck-crash");
    for (int i = 0; i < 100 && !Engine.docker(null, "logs", "sc-ck-db").contains("listening"); i++) {
      Thread.sleep(50);
    }
  }

  @AfterAll
  static void remove() {
    Engine.removeQuietly("sc-ck-db", "sc-ck-crash");
  }

  private Result eval(Object... kv) {
    return Checks.evaluate(spec("docker", kv), new FakeContext(ws));
  }

  @Test
  void runningContainerWithPortEnvMountAndLogs() {
    assertTrue(eval("container", "sc-ck-db", "running", "true", "port", "13305:3306", "env", "DB_ROOT_PASSWORD=secret",
        "mount", "/data", "logs", "listening on \\d+", "from", "shellcamp/busybox").passed());
    assertTrue(eval("container", "sc-ck-db", "port", "13305->3306/tcp").passed(), "docker ps notation");
    assertTrue(eval("container", "sc-ck-db", "env", "DB_ROOT_PASSWORD").passed(), "set, any value");
  }

  @Test
  void wrongPortNamesThePublishedOnes() {
    Result r = eval("container", "sc-ck-db", "port", "3306:3306");
    assertFalse(r.passed());
    assertTrue(r.reason().contains("13305->3306/tcp"), r.reason());
  }

  @Test
  void wrongEnvShowsTheValueFound() {
    Result r = eval("container", "sc-ck-db", "env", "DB_ROOT_PASSWORD=hunter2");
    assertTrue(r.reason().contains("DB_ROOT_PASSWORD=secret"), r.reason());
    r = eval("container", "sc-ck-db", "env", "DB_USER=app");
    assertTrue(r.reason().contains("DB_USER is not set"), r.reason());
  }

  @Test
  void crashedContainerShowsExitCodeAndLastLogLines() {
    Result r = eval("container", "sc-ck-crash", "running", "true");
    assertFalse(r.passed());
    assertTrue(r.reason().contains("exited with code 2"), r.reason());
    assertTrue(r.reason().contains("DB_HOST is not set"), r.reason());
    assertTrue(eval("container", "sc-ck-crash", "exit_code", "2").passed());
    assertFalse(eval("container", "sc-ck-crash", "exit_code", "0").passed());
    assertFalse(eval("container", "sc-ck-db", "exit_code", "0").passed(), "a running container has not exited");
  }

  @Test
  void missingContainerListsTheOnesThere() {
    Result r = eval("container", "sc-ck-nope", "running", "true");
    assertTrue(r.reason().contains("no container named `sc-ck-nope`") && r.reason().contains("sc-ck-db"), r.reason());
    assertTrue(eval("container", "sc-ck-nope", "absent", "true").passed());
    assertFalse(eval("container", "sc-ck-db", "absent", "true").passed());
  }

  @Test
  void mountAndCommandMismatch() {
    Result r = eval("container", "sc-ck-db", "mount", "/var/lib/mysql");
    assertTrue(r.reason().contains(":/data"), r.reason());
    assertTrue(eval("container", "sc-ck-db", "mount", "/data", "source", ws.getFileName().toString()).passed());
    r = eval("container", "sc-ck-db", "cmd", "^python");
    assertTrue(r.reason().contains("sleep 300"), r.reason());
  }

  @Test
  void images() {
    assertTrue(eval("image", BaseImage.TAG).passed());
    assertTrue(eval("image", "shellcamp/busybox").passed(), "no tag means latest");
    Result r = eval("image", "shellcamp/nope:1.0");
    assertTrue(r.reason().contains("shellcamp/busybox:latest"), r.reason());
    assertTrue(eval("image", "shellcamp/nope:1.0", "absent", "true").passed());
  }

  @Test
  void dockerfileInstructionsInOrder() throws Exception {
    Files.writeString(ws.resolve("Dockerfile"), """
        # syntax comment
        from shellcamp/busybox
        WORKDIR /app
        COPY app.sh \\
             /app/
        ENV GREETING=hello
        RUN chmod +x /app/app.sh
        CMD ["/app/app.sh"]
        """);
    List<String> want = List.of("^FROM\\s+shellcamp/busybox", "^WORKDIR /app", "^COPY app.sh /app/", "^ENV GREETING", "^CMD");
    assertTrue(eval("dockerfile", "Dockerfile", "instructions", want).passed());
    Result r = eval("dockerfile", "Dockerfile", "instructions", List.of("^CMD", "^RUN"));
    assertFalse(r.passed());
    assertTrue(r.reason().contains("after the ones before it") && r.reason().contains("7: RUN chmod"), r.reason());
    assertTrue(eval("dockerfile", "Nope", "instructions", want).reason().contains("no Dockerfile at Nope"));
  }
}
