package dev.shellcamp.classroom;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/** Where the class is stored: a JDBC URL and its credentials, from what the instructor typed after --db. */
record StoreUrl(String jdbc, Properties props, String shown) {

  boolean sqlite() {
    return jdbc.startsWith("jdbc:sqlite:");
  }

  /**
   * A file path (SQLite), {@code postgresql://user:pass@host:port/db} as libpq writes it, or a
   * JDBC URL. The password never appears in {@link #shown()}.
   */
  static StoreUrl parse(String db) {
    Properties props = new Properties();
    if (db.startsWith("jdbc:")) {
      return new StoreUrl(db, props, db.replaceAll("password=[^&]*", "password=…"));
    }
    if (db.startsWith("postgresql://") || db.startsWith("postgres://")) {
      URI uri = URI.create(db);
      String info = uri.getRawUserInfo();
      if (info != null) {
        int colon = info.indexOf(':');
        props.setProperty("user", decode(colon < 0 ? info : info.substring(0, colon)));
        if (colon >= 0) {
          props.setProperty("password", decode(info.substring(colon + 1)));
        }
      }
      String hostPort = uri.getHost() == null ? "localhost" : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      String jdbc = "jdbc:postgresql://" + hostPort + uri.getRawPath() + query;
      return new StoreUrl(jdbc, props, "postgresql://" + hostPort + uri.getRawPath());
    }
    Path file = Path.of(db).toAbsolutePath().normalize();
    return new StoreUrl("jdbc:sqlite:" + file, props, file.toString());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
