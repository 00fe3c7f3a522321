package dev.shellcamp.classroom;

import dev.shellcamp.Require;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores for tests: a fresh PostgreSQL database per call on the cluster SHELLCAMP_PG_URL names
 * (scripts/pg-throwaway starts one; CI does), so every test of the SQLite store runs on PostgreSQL too.
 */
final class Stores {
  private static final AtomicInteger N = new AtomicInteger();

  private Stores() {}

  static String postgres() throws Exception {
    String url = System.getenv("SHELLCAMP_PG_URL");
    Require.present("postgres", url == null ? "SHELLCAMP_PG_URL is not set (scripts/pg-throwaway prints one)" : null);
    StoreUrl admin = StoreUrl.parse(url);
    String name = "sc_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000 + "_" + N.incrementAndGet();
    try (Connection c = DriverManager.getConnection(admin.jdbc(), admin.props()); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      Require.present("postgres", "cannot create a database on " + admin.shown() + ": " + e.getMessage());
    }
    return url.substring(0, url.lastIndexOf('/') + 1) + name;
  }
}
