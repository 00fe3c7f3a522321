package dev.shellcamp.lab.batch;

import dev.shellcamp.ui.Messages;
import java.nio.file.Path;
import java.util.List;

/**
 * What a batch run did. Every data row read is either predicted or rejected, so
 * {@code read == predicted + rejected}; {@code firstRejects} are the first few reasons, for the
 * cron mail, the rest being in the rejects file.
 */
public record BatchSummary(long read, long predicted, long rejected, Path output, Path rejects,
    List<String> firstRejects) {
  public BatchSummary {
    if (read != predicted + rejected) {
      throw new IllegalStateException(read + " rows read, but " + predicted + " predicted + " + rejected + " rejected");
    }
    firstRejects = List.copyOf(firstRejects);
  }

  /** The accounting line: {@code 150 rows read = 148 predicted + 2 rejected}. */
  public String line(Messages m) {
    return m.get("lab.batch.line", read, predicted, rejected);
  }
}
