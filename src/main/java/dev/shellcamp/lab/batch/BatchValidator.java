package dev.shellcamp.lab.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides for each CSV record whether the model can take it. A row is rejected with every
 * problem it has, not just the first, so one look at the rejects file is enough to fix it.
 */
final class BatchValidator {
  sealed interface Outcome permits Row, Reject {}

  /** A row the model can take. (An array in a record compares by identity; these are never compared.) */
  record Row(int line, String id, float[] features) implements Outcome {}

  /** A row it cannot; {@code reason} starts with the line, so it reads on its own in a log. */
  record Reject(int line, String id, String reason) implements Outcome {}

  private final BatchSchema schema;
  private final BatchSchema.Columns columns;
  private final String idColumn;
  // every id seen so far, with its line: the output must be joinable on id, so an id appears once
  private final Map<String, Integer> seen = new HashMap<>();

  BatchValidator(BatchSchema schema, BatchSchema.Columns columns, String idColumn) {
    this.schema = schema;
    this.columns = columns;
    this.idColumn = idColumn;
  }

  Outcome check(BatchCsvReader.Record r) {
    List<String> fields = r.fields();
    String id = columns.id() < fields.size() ? fields.get(columns.id()) : "";
    List<String> problems = new ArrayList<>();
    if (r.problem() != null) {
      problems.add(r.problem());
    }
    if (fields.size() != columns.width()) {
      problems.add(fields.size() + (fields.size() == 1 ? " field" : " fields") + ", but the header has "
          + columns.width());
      // the fields no longer line up with the header, so reading their values would only mislead
      return reject(r.line(), id, problems);
    }
    if (id.isBlank()) {
      problems.add("column " + idColumn + " is empty");
    } else {
      // the first row with an id keeps it, whatever its fate: a later one would be ambiguous in a join
      Integer first = seen.putIfAbsent(id, r.line());
      if (first != null) {
        problems.add("id " + BatchNumbers.show(id) + " repeats the id on line " + first);
      }
    }
    float[] x = new float[columns.features().length];
    for (int j = 0; j < x.length; j++) {
      String why = BatchNumbers.read(schema.features().get(j), fields.get(columns.features()[j]), x, j);
      if (why != null) {
        problems.add(why);
      }
    }
    return problems.isEmpty() ? new Row(r.line(), id, x) : reject(r.line(), id, problems);
  }

  private static Reject reject(int line, String id, List<String> problems) {
    return new Reject(line, id, "line " + line + ": " + String.join("; ", problems));
  }
}
