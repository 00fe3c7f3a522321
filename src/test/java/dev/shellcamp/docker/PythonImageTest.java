package dev.shellcamp.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PythonImageTest {
  /**
   * The serving lesson's server needs only the standard library, bound to 0.0.0.0 and reached
   * through -p: the made image must import what it uses and run the `python` its CMD names.
   */
  @Test
  void theMadeImageRunsTheServersImports() throws Exception {
    Engine.require();
    PythonImage.Made made = PythonImage.ensure();
    assertTrue(made.ok(), made.detail());
    String out = Engine.docker(null, "run", "--rm", PythonImage.TAG, "python", "-c",
        "import argparse, json, math, http.server; print('imports ok')");
    assertEquals("imports ok", out);
    PythonImage.Made again = PythonImage.ensure();
    assertTrue(again.ok() && again.detail().contains("already exists"), again.detail());
  }
}
