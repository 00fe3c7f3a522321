package dev.shellcamp.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shellcamp.lab.model.ModelRepository;
import dev.shellcamp.lab.model.UnknownModelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model code's unknown model or version, as the server answers it (over HTTP in LabBadInputTest). */
class LabUnknownModelTest {
  private final ModelRepository repo = ModelRepository.bundled();

  @Test
  void unknownModelsAndVersionsAre404sThatSayWhatExists() {
    ApiError e = ApiError.notFound(assertThrows(UnknownModelException.class, () -> repo.resolve("nope", null)));
    assertEquals(404, e.status());
    assertEquals("unknown model 'nope'; this server has: half_plus_two, iris", e.getMessage());
    e = ApiError.notFound(assertThrows(UnknownModelException.class, () -> repo.resolve("iris", "7")));
    assertEquals("model 'iris' has no version '7'; it has: 1", e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> repo.only("irs"));
    assertEquals("unknown model 'irs'; available: half_plus_two, iris", bad.getMessage());
    assertEquals(List.of("iris"), repo.only("iris").names());
  }
}
