package dev.shellcamp.cli;

import dev.shellcamp.json.Json;
import dev.shellcamp.lab.load.LoadPlan;
import dev.shellcamp.monitor.MonitorScreen;
import dev.shellcamp.monitor.Renderer;
import dev.shellcamp.monitor.Sampler;
import dev.shellcamp.monitor.Snapshot;
import dev.shellcamp.monitor.SnapshotJson;
import dev.shellcamp.ui.Theme;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** `shellcamp monitor`: the full-screen system monitor, or one snapshot for scripts. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
    description = "CPU, memory, disks, network, GPU, listening ports and processes, refreshed live (q quits).")
final class MonitorCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--once", description = "print one snapshot and exit")
  boolean once = false;

  @Option(names = "--json", description = "with --once: the snapshot as JSON")
  boolean json = false;

  @Option(names = "--interval", description = "refresh interval, e.g. 500ms, 2s (default: ${DEFAULT-VALUE})")
  String interval = "1s";

  @Override
  public Integer call() throws InterruptedException {
    var err = spec.commandLine().getErr();
    var messages = Env.messages(root.lang, root.env().store().load().lang());
    Duration every;
    try {
      every = LoadPlan.parseDuration("--interval", interval);
    } catch (IllegalArgumentException e) {
      err.println("monitor: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (every.toMillis() < 100) {
      err.println("monitor: --interval must be at least 100ms, got " + interval);
      return ExitCodes.USAGE;
    }
    if (json && !once) {
      err.println("monitor: --json prints one snapshot; add --once");
      return ExitCodes.USAGE;
    }
    if (once) {
      // rates and per-process CPU need two readings: the window is the interval, capped at 1 s
      Snapshot s = Sampler.once(every.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : every);
      var out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.write(SnapshotJson.of(s)));
      } else {
        new Renderer(Theme.detect(System.console() == null), messages).once(s, 100, 15).forEach(out::println);
      }
      out.flush();
      return ExitCodes.OK;
    }
    Terminal t = root.env().terminal().get();
    if (Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
      err.println("monitor: " + messages.get("monitor.needs-terminal"));
      return ExitCodes.ENVIRONMENT;
    }
    MonitorScreen.show(t, Theme.detect(false), messages, every);
    return ExitCodes.OK;
  }
}
