package dev.shellcamp.cli;

import dev.shellcamp.lab.batch.BatchJob;
import dev.shellcamp.lab.batch.BatchSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `shellcamp lab batch`: CSV in, predictions CSV out; public so the `lab` group and tests can build it. */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = {"Predict every row of a CSV with a lab model, as a cron job would: the predictions and a rejects"
        + " file (line,id,reason) for rows the model cannot take, both written atomically.",
        "Input columns: the id plus the model's features (half_plus_two: x; iris: sepal_length_cm,"
        + " sepal_width_cm, petal_length_cm, petal_width_cm). Output: the id plus y (half_plus_two) or"
        + " class,p_setosa,p_versicolor,p_virginica (iris).",
        "Exit status: 0 when every row was predicted or rejected, 1 when a file could not be written,"
        + " 2 for a usage error (unknown model, no input, a header without the model's columns)."})
public final class LabBatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "NAME", description = "half_plus_two or iris")
  String model = null;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV with a header line")
  Path input = null;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "predictions CSV (replaced)")
  Path output = null;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "rejected rows with the reason (default: the output's name with .rejects.csv)")
  Path rejects = null;

  @Option(names = "--id-column", paramLabel = "NAME", description = "the input's id column (default: ${DEFAULT-VALUE})")
  String idColumn = "id";

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    var m = LabLang.messages(spec);
    BatchSummary s;
    try {
      s = BatchJob.run(new BatchJob.Options(model, input, output, rejects, idColumn));
    } catch (IllegalArgumentException e) {
      err.println("lab batch: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("lab batch: " + m.get("lab.batch.io", e.getMessage()));
      return ExitCodes.FAILED;
    }
    out.println(s.line(m));
    out.println(m.get("lab.batch.predictions", s.output()));
    out.println(m.get(s.rejected() == 0 ? "lab.batch.rejects.none" : "lab.batch.rejects", s.rejects()));
    if (s.rejected() > 0) {
      // in a cron mail the first reasons are usually enough to see what went wrong upstream
      s.firstRejects().forEach(r -> err.println(m.get("lab.batch.rejected", r)));
      if (s.rejected() > s.firstRejects().size()) {
        err.println(m.get("lab.batch.more", s.rejected() - s.firstRejects().size(), s.rejects()));
      }
    }
    out.flush();
    err.flush();
    return ExitCodes.OK;
  }
}
