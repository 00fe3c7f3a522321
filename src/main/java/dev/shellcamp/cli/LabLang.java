package dev.shellcamp.cli;

import dev.shellcamp.lab.LabText;
import dev.shellcamp.ui.Messages;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The language of a `lab` subcommand's report: --lang, then the learner's saved choice, then
 * the environment, as every command has it. A lab command built on its own (as the tests build
 * them, with no root command above) speaks English, so its output does not depend on LANG.
 */
final class LabLang {
  private LabLang() {}

  static Messages messages(CommandSpec spec) {
    if (spec.root().userObject() instanceof RootCommand root) {
      return Env.messages(root.lang, root.env().store().load().lang());
    }
    return LabText.ENGLISH;
  }
}
