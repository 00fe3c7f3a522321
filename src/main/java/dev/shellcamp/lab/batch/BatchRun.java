package dev.shellcamp.lab.batch;

import dev.shellcamp.lab.model.Model;
import dev.shellcamp.lab.model.OutputTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a CSV's rows: each is checked, then predicted in chunks or written to the
 * rejects file, and counted either way. Memory holds one chunk plus the ids seen.
 */
final class BatchRun {
  // big enough that the model's per-call cost vanishes, small enough to stay in cache
  private static final int CHUNK = 1024;
  private static final int SHOWN_REJECTS = 5;

  private final Model model;
  private final BatchSchema schema;
  private final BatchValidator validator;
  private final BatchCsvWriter predictions;
  private final BatchCsvWriter rejects;
  private final List<BatchValidator.Row> chunk = new ArrayList<>(CHUNK);
  private final List<String> shown = new ArrayList<>();
  private long read;
  private long predicted;
  private long rejected;

  BatchRun(Model model, BatchSchema schema, BatchValidator validator, BatchCsvWriter predictions,
      BatchCsvWriter rejects) {
    this.model = model;
    this.schema = schema;
    this.validator = validator;
    this.predictions = predictions;
    this.rejects = rejects;
  }

  /** Reads every row after the header; returns the counts (the files are not committed yet). */
  BatchSummary all(BatchCsvReader in, Path input, Path output, Path rejectsFile) throws IOException {
    BatchCsvReader.Record r;
    while ((r = next(in, input)) != null) {
      read++;
      BatchValidator.Outcome outcome = validator.check(r);
      if (outcome instanceof BatchValidator.Row row) {
        chunk.add(row);
        if (chunk.size() == CHUNK) {
          predict();
        }
      } else if (outcome instanceof BatchValidator.Reject bad) {
        rejected++;
        if (shown.size() < SHOWN_REJECTS) {
          shown.add(bad.reason());
        }
        rejects.row(List.of(Integer.toString(bad.line()), bad.id(), bad.reason()));
      }
    }
    predict();
    return new BatchSummary(read, predicted, rejected, output, rejectsFile, shown);
  }

  /** The next record; a read failure names the input, so it is not taken for a write failure. */
  static BatchCsvReader.Record next(BatchCsvReader in, Path input) throws IOException {
    try {
      return in.next();
    } catch (IOException e) {
      throw new IOException("cannot read " + input + ": " + BatchAtomicFile.why(e), e);
    }
  }

  private void predict() throws IOException {
    if (chunk.isEmpty()) {
      return;
    }
    int k = schema.features().size();
    float[] x = new float[chunk.size() * k];
    for (int i = 0; i < chunk.size(); i++) {
      System.arraycopy(chunk.get(i).features(), 0, x, i * k, k);
    }
    List<OutputTensor> y = model.infer(schema.shape(chunk.size()), x);
    for (int i = 0; i < chunk.size(); i++) {
      List<String> line = new ArrayList<>(1 + schema.outputs().size());
      line.add(chunk.get(i).id());
      for (OutputTensor t : y) {
        // a 2-D output ([rows, k], the probabilities) comes flat, row-major
        int width = t.shape().size() == 1 ? 1 : t.shape().get(1);
        for (int j = 0; j < width; j++) {
          Object v = t.data().get(i * width + j);
          line.add(v instanceof Float f ? BatchNumbers.format(f) : String.valueOf(v));
        }
      }
      predictions.row(line);
    }
    predicted += chunk.size();
    chunk.clear();
  }
}
