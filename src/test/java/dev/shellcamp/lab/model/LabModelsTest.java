package dev.shellcamp.lab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabModelsTest {
  private final ModelRepository repo = ModelRepository.bundled();

  @Test
  void shipsBothModelsWithCardsAndMetadata() {
    assertEquals(List.of("half_plus_two", "iris"), repo.names());
    ModelInfo hpt = repo.resolve("half_plus_two", null).info();
    assertEquals(List.of(new TensorSpec("x", "FP32", List.of(-1))), hpt.inputs());
    ModelInfo iris = repo.resolve("iris", "1").info();
    assertEquals(List.of(new TensorSpec("features", "FP32", List.of(-1, 4))), iris.inputs());
    assertEquals(List.of(new TensorSpec("class", "BYTES", List.of(-1)),
        new TensorSpec("probabilities", "FP32", List.of(-1, 3))), iris.outputs());
    for (ModelInfo info : List.of(hpt, iris)) {
      for (String section : List.of("## Inputs", "## Outputs", "## Metrics", "## Recipe")) {
        assertTrue(info.card().contains(section), info.name() + "'s card lacks " + section);
      }
    }
    assertTrue(iris.card().contains("## Training data"));
  }

  @Test
  void halfPlusTwoGoldenValues() {
    Model m = repo.resolve("half_plus_two", "1");
    OutputTensor y = m.infer(new int[] {3}, new float[] {1, 2, 5}).get(0);
    assertEquals(new OutputTensor("y", "FP32", List.of(3), List.of(2.5f, 3f, 4.5f)), y);
    assertEquals(List.of(3, 1), m.infer(new int[] {3, 1}, new float[] {1, 2, 5}).get(0).shape());
  }

  @Test
  void irisClassifiesTheThreeClassicExamples() {
    Model m = repo.resolve("iris", null);
    List<OutputTensor> out = m.infer(new int[] {3, 4},
        new float[] {5.1f, 3.5f, 1.4f, 0.2f, 7.0f, 3.2f, 4.7f, 1.4f, 6.3f, 3.3f, 6.0f, 2.5f});
    assertEquals(List.of("setosa", "versicolor", "virginica"), out.get(0).data());
    assertEquals(List.of(3, 3), out.get(1).shape());
    List<?> p = out.get(1).data();
    // the model card's golden probabilities, to its 3 decimals
    float[] card = {0.983f, 0.017f, 0f, 0.007f, 0.860f, 0.134f, 0f, 0.007f, 0.993f};
    for (int i = 0; i < card.length; i++) {
      assertEquals(card[i], (Float) p.get(i), 0.0006, "probability " + i);
    }
    for (int r = 0; r < 3; r++) {
      assertEquals(1.0, (Float) p.get(3 * r) + (Float) p.get(3 * r + 1) + (Float) p.get(3 * r + 2), 1e-6);
    }
  }

  @Test
  void extremeInputsStillGiveFiniteProbabilities() {
    List<?> p = repo.resolve("iris", null).infer(new int[] {1, 4}, new float[] {3e38f, -3e38f, 3e38f, 3e38f})
        .get(1).data();
    for (Object v : p) {
      assertTrue(Float.isFinite((Float) v), p.toString());
    }
  }

  @Test
  void shapeProblemsNameWhatTheModelTakes() {
    Model iris = repo.resolve("iris", null);
    assertEquals("shape [4] does not fit; iris takes [N, 4] (N rows of sepal_length_cm, sepal_width_cm,"
        + " petal_length_cm, petal_width_cm)", iris.shapeProblem(new int[] {4}));
    assertEquals("empty batch (shape [0, 4]); send at least one row", iris.shapeProblem(new int[] {0, 4}));
    Model hpt = repo.resolve("half_plus_two", null);
    assertEquals("shape [2, 2] does not fit; half_plus_two takes [N] or [N, 1]", hpt.shapeProblem(new int[] {2, 2}));
    assertEquals(null, hpt.shapeProblem(new int[] {2, 1}));
  }

  @Test
  void highestVersionIsTheDefaultComparedAsNumbers(@TempDir Path dir) throws Exception {
    for (String v : List.of("2", "10", "9")) {
      Path d = Files.createDirectories(dir.resolve("half_plus_two").resolve(v));
      Files.writeString(d.resolve("model.json"), "{\"format\":1,\"name\":\"half_plus_two\",\"version\":\"" + v
          + "\",\"kind\":\"affine\",\"platform\":\"p\",\"inputs\":[{\"name\":\"x\",\"datatype\":\"FP32\",\"shape\":[-1]}],"
          + "\"outputs\":[{\"name\":\"y\",\"datatype\":\"FP32\",\"shape\":[-1]}],\"slope\":" + v + ",\"intercept\":0}");
      Files.writeString(d.resolve("card.md"), "# card");
    }
    ModelRepository r = ModelRepository.load(dir);
    assertEquals(List.of("2", "9", "10"), r.versions("half_plus_two"));
    assertEquals("10", r.resolve("half_plus_two", null).info().version());
  }

  @Test
  void brokenModelFilesFailWithTheFileAndField() {
    byte[] json = ("{\"format\":1,\"name\":\"m\",\"version\":\"1\",\"kind\":\"softmax_classifier\",\"platform\":\"p\","
        + "\"inputs\":[{\"name\":\"f\",\"datatype\":\"FP32\",\"shape\":[-1,2]}],"
        + "\"outputs\":[{\"name\":\"class\",\"datatype\":\"BYTES\",\"shape\":[-1]}],"
        + "\"features\":[\"a\",\"b\"],\"standardize\":{\"mean\":[0,0],\"std\":[1,1]},"
        + "\"weights\":[[1,2]],\"bias\":[0,0],\"classes\":[\"x\",\"y\"]}").getBytes(StandardCharsets.UTF_8);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelLoader.load("m/1/model.json", json, ""));
    assertEquals("m/1/model.json: 'weights' must be 2 rows (one per class)", e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> ModelLoader.load("m/1/model.json", "{\"format\":1,}".getBytes(), ""));
    assertTrue(e.getMessage().startsWith("m/1/model.json: invalid JSON at byte 12: trailing comma"), e.getMessage());
  }

  @Test
  void aModelWithoutItsCardIsNotLoaded(@TempDir Path dir) throws Exception {
    Path d = Files.createDirectories(dir.resolve("half_plus_two/1"));
    Files.copy(ModelLoader.class.getResourceAsStream("/dev/shellcamp/lab/models/half_plus_two/1/model.json"),
        d.resolve("model.json"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelRepository.load(dir));
    assertTrue(e.getMessage().startsWith("models/half_plus_two/1: cannot read"), e.getMessage());
    assertTrue(e.getMessage().contains("card.md"), e.getMessage());
  }
}
