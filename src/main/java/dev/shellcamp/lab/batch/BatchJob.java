package dev.shellcamp.lab.batch;

import dev.shellcamp.lab.model.Model;
import dev.shellcamp.lab.model.ModelRepository;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code shellcamp lab batch}: predictions for every row of a CSV, the way a nightly cron job
 * makes them, plus a rejects file with the rows the model cannot take and why.
 *
 * <p>Usage problems (unknown model, no input, a header without the model's columns) are
 * {@link IllegalArgumentException}s; a failure to read or write the files is an
 * {@link IOException} whose message names the file and why. Neither replaces the output.
 * A re-run on the same input writes the same bytes: no timestamps, rows in input order, and
 * numbers formatted independently of the JDK.
 */
public final class BatchJob {
  /** {@code rejects} null means the default, next to the output. */
  public record Options(String model, Path input, Path output, Path rejects, String idColumn) {}

  private BatchJob() {}

  /** {@code out.csv} -> {@code out.rejects.csv}; a name without {@code .csv} gets it appended. */
  public static Path defaultRejects(Path output) {
    String name = output.getFileName().toString();
    String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return output.resolveSibling(stem + ".rejects.csv");
  }

  public static BatchSummary run(Options o) throws IOException {
    ModelRepository repo = ModelRepository.bundled();
    if (!repo.has(o.model())) {
      throw new IllegalArgumentException("unknown model '" + o.model() + "'; available: "
          + String.join(", ", repo.names()));
    }
    Model model = repo.resolve(o.model(), null);
    BatchSchema schema = BatchSchema.of(model);
    Path rejects = o.rejects() != null ? o.rejects() : defaultRejects(o.output());
    checkPaths(o.input(), o.output(), rejects);
    try (BatchCsvReader in = new BatchCsvReader(new InputStreamReader(Files.newInputStream(o.input()),
        StandardCharsets.UTF_8))) {
      BatchCsvReader.Record header = BatchRun.next(in, o.input());
      if (header == null || header.problem() != null) {
        throw new IllegalArgumentException(o.input() + ": " + (header == null ? "the file is empty" : header.problem())
            + "; its first line must be a header: " + o.idColumn() + "," + String.join(",", schema.features()));
      }
      BatchSchema.Columns columns = schema.locate(header.fields(), o.idColumn(), o.input().toString());
      try (BatchCsvWriter predictions = BatchCsvWriter.open(o.output());
          BatchCsvWriter rejected = BatchCsvWriter.open(rejects)) {
        List<String> head = new ArrayList<>(List.of(o.idColumn()));
        head.addAll(schema.outputs());
        predictions.row(head);
        rejected.row(List.of("line", o.idColumn(), "reason"));
        BatchSummary summary = new BatchRun(model, schema, new BatchValidator(schema, columns, o.idColumn()),
            predictions, rejected).all(in, o.input(), o.output(), rejects);
        // the output last: once it is in place, so is the rejects file that goes with it
        rejected.commit();
        predictions.commit();
        return summary;
      }
    }
  }

  /** A missing input is a usage error, found before any file is touched; so is one file named twice. */
  private static void checkPaths(Path input, Path output, Path rejects) {
    if (!Files.exists(input)) {
      throw new IllegalArgumentException("--input: no such file: " + input);
    }
    if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
      throw new IllegalArgumentException("--input: cannot read " + input
          + (Files.isDirectory(input) ? " (it is a folder)" : ""));
    }
    for (Path p : List.of(output, rejects)) {
      if (Files.isDirectory(p)) {
        throw new IllegalArgumentException(p + " is a folder; --output and --rejects name files");
      }
    }
    Path in = input.toAbsolutePath().normalize();
    Path out = output.toAbsolutePath().normalize();
    Path rej = rejects.toAbsolutePath().normalize();
    if (out.equals(in) || rej.equals(in) || rej.equals(out)) {
      throw new IllegalArgumentException("--input, --output and --rejects must be three different files");
    }
  }
}
