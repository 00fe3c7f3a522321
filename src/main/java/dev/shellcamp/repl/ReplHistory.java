package dev.shellcamp.repl;

import dev.shellcamp.progress.SaveFailure;
import java.io.IOException;
import java.util.function.Consumer;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * JLine logs a failed history save with a stack trace, which lands in the learner's session; here
 * the failure is said once, in words, and the history simply stays in memory.
 */
final class ReplHistory extends DefaultHistory {
  private final Consumer<String> tell;
  private boolean told;

  ReplHistory(Consumer<String> tell) {
    this.tell = tell;
  }

  @Override
  public void save() {
    try {
      super.save();
    } catch (IOException | RuntimeException e) {
      if (!told) {
        told = true;
        tell.accept(e instanceof IOException io ? SaveFailure.reason(io) : String.valueOf(e.getMessage()));
      }
    }
  }
}
