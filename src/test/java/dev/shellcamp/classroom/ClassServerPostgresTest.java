package dev.shellcamp.classroom;

import java.nio.file.Path;

class ClassServerPostgresTest extends ClassServerTest {
  @Override
  String db(Path dir) throws Exception {
    return Stores.postgres();
  }
}
