package dev.shellcamp.cli;

import dev.shellcamp.shell.Capabilities;
import dev.shellcamp.ui.Theme;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "What this machine can run (bash, PTY, Docker engine, python3 + venv, GPU, network, the Python base image, Streamlit), with fixes.")
final class DoctorCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var m = Env.messages(root.lang, null);
    var out = spec.commandLine().getOut();
    Theme t = Theme.detect(System.console() == null);
    boolean essentialMissing = false;
    for (Capabilities.Probe p : root.env().caps().all().values()) {
      String name = String.format("%-13s", p.name());
      if (p.ok()) {
        out.println(t.ok("✓ ") + name + p.detail());
      } else {
        out.println(t.bad("✗ ") + name + p.detail());
        out.println("  " + " ".repeat(13) + t.dim(m.get("doctor.fix") + " " + m.get(p.fixKey())));
        essentialMissing |= p.name().equals("bash") || p.name().equals("pty");
      }
    }
    out.flush();
    return essentialMissing ? ExitCodes.ENVIRONMENT : ExitCodes.OK;
  }
}
