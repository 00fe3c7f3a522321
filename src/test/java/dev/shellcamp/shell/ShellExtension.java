package dev.shellcamp.shell;

import dev.shellcamp.run.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One learner's bash on a PTY for all of a test class's tests, in a temporary home of its own:
 * started before the class's first test, closed and its home removed after its last (a bash costs
 * hundreds of milliseconds to start). In the class:
 * {@code @RegisterExtension static final ShellExtension bash = new ShellExtension(80, 24);}
 */
public final class ShellExtension implements BeforeAllCallback, AfterAllCallback {
  private final int cols;
  private final int rows;
  private Path home;
  private PtyShell shell;

  /** A terminal of {@code cols} by {@code rows}. */
  public ShellExtension(int cols, int rows) {
    this.cols = cols;
    this.rows = rows;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    home = Files.createTempDirectory("shellcamp-shell-");
    shell = PtyShell.start(home, Map.of(), cols, rows);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (shell != null) {
        shell.close();
      }
    } finally {
      Workspace.wipe(home);
    }
  }

  public PtyShell shell() {
    return shell;
  }

  /** The shell's home and starting folder. */
  public Path home() {
    return home;
  }
}
