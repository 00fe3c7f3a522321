package dev.shellcamp.classroom;

import java.nio.file.Path;

class ClassServerSqliteTest extends ClassServerTest {
  @Override
  String db(Path dir) {
    return dir.resolve("class.db").toString();
  }
}
