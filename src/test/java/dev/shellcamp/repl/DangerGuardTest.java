package dev.shellcamp.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DangerGuardTest {
  private static final Path WS = Path.of("/tmp/ws");

  static Stream<Arguments> dangerous() {
    return Stream.of(
        Arguments.of("rm -rf /", WS, "danger.rm"),
        Arguments.of("rm -rf /*", WS, "danger.rm"),
        Arguments.of("sudo rm -rf /", WS, "danger.rm"),
        Arguments.of("rm -rf ~", WS, "danger.rm"),
        Arguments.of("rm -fr ~/", WS, "danger.rm"),
        Arguments.of("rm -r -f $HOME", WS, "danger.rm"),
        Arguments.of("rm -rf \"$HOME\"", WS, "danger.rm"),
        Arguments.of("rm --recursive --force /", WS, "danger.rm"),
        Arguments.of("rm -rf /etc", WS, "danger.rm"),
        Arguments.of("rm -rf *", Path.of("/"), "danger.rm"),
        Arguments.of("rm -rf *", Path.of("/tmp/wsx"), "danger.rm"),
        Arguments.of("rm -rf ..", WS, "danger.rm"),
        Arguments.of("ls && rm -rf /", WS, "danger.rm"),
        Arguments.of("cd /tmp; sudo rm -rf /*", WS, "danger.rm"),
        Arguments.of("mkfs.ext4 /dev/sda1", WS, "danger.mkfs"),
        Arguments.of("sudo mkfs -t ext4 /dev/sdb", WS, "danger.mkfs"),
        Arguments.of("dd if=/dev/zero of=/dev/sda", WS, "danger.disk"),
        Arguments.of("echo x > /dev/sda", WS, "danger.disk"),
        Arguments.of(":(){ :|:& };:", WS, "danger.forkbomb"),
        Arguments.of(":() { : | : & }; :", WS, "danger.forkbomb"),
        Arguments.of("bomb(){ bomb|bomb& };bomb", WS, "danger.forkbomb"),
        Arguments.of("chmod -R 777 /", WS, "danger.chmod"),
        Arguments.of("chown -R me /etc", WS, "danger.chmod"),
        Arguments.of("sudo chmod --recursive 777 /usr/", WS, "danger.chmod"));
  }

  @ParameterizedTest(name = "[{1}] {0}")
  @MethodSource("dangerous")
  void flagsDangerousLines(String line, Path cwd, String key) {
    assertEquals(Optional.of(key), DangerGuard.assess(line, cwd, WS), line);
  }

  static Stream<Arguments> safe() {
    return Stream.of(
        Arguments.of("rm -rf build", WS),
        Arguments.of("rm -rf ./tmp/*", WS),
        Arguments.of("rm -rf *", WS),
        Arguments.of("rm -rf *", WS.resolve("sub")),
        Arguments.of("rm -rf ..", WS.resolve("sub")),
        Arguments.of("rm file.txt", WS),
        Arguments.of("rm -f /tmp/ws/old.txt", WS),
        Arguments.of("chmod 755 script.sh", WS),
        Arguments.of("chmod -R 755 mydir", WS),
        Arguments.of("chmod 644 /etc", WS), // not recursive: one folder's mode, not the whole tree
        Arguments.of("dd if=a of=b", WS),
        Arguments.of("cat /dev/sda", WS),
        Arguments.of("ls -la /", WS),
        Arguments.of("echo \"rm -rf /\"", WS),
        Arguments.of("echo 'rm -rf ~'", WS),
        Arguments.of("grep -r mkfsdata notes.txt", WS),
        Arguments.of("f(){ echo hi; }; f", WS),
        Arguments.of("", WS));
  }

  @ParameterizedTest(name = "[{1}] {0}")
  @MethodSource("safe")
  void leavesSafeLinesAlone(String line, Path cwd) {
    assertEquals(Optional.empty(), DangerGuard.assess(line, cwd, WS), line);
  }

  @Test
  void splitsCommandsAtSeparatorsAndKeepsQuotedTextAsOneWord() {
    assertEquals(java.util.List.of(java.util.List.of("echo", "rm -rf /"), java.util.List.of("ls", "-l")),
        DangerGuard.commands("echo \"rm -rf /\"; ls -l"));
  }

  @Test
  void parentWithTrailingSlashFromWorkspaceRoot() {
    assertEquals(Optional.of("danger.rm"), DangerGuard.assess("rm -rf ../", WS, WS));
  }

  @Test
  void parentGlobFromWorkspaceRoot() {
    assertEquals(Optional.of("danger.rm"), DangerGuard.assess("rm -rf ../*", WS, WS));
  }
}
