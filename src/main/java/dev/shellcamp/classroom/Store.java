package dev.shellcamp.classroom;

import dev.shellcamp.classlink.EventType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * The class's durable state in SQLite or PostgreSQL. One connection, one writer at a time: a class
 * is a few hundred events a second at most, and one connection keeps SQLite free of lock errors.
 * Every write is one transaction, so a killed server leaves each batch stored whole or not at all.
 */
final class Store implements AutoCloseable {
  private final Connection db;

  private Store(Connection db) {
    this.db = db;
  }

  static Store open(StoreUrl url) throws SQLException {
    Flyway.configure(Store.class.getClassLoader())
        .dataSource(url.jdbc(), url.props().getProperty("user"), url.props().getProperty("password"))
        .locations("classpath:db/class")
        .load()
        .migrate();
    Connection c = DriverManager.getConnection(url.jdbc(), url.props());
    if (url.sqlite()) {
      try (Statement s = c.createStatement()) {
        // WAL: the board's reads never wait on a write; NORMAL: a commit survives the process being killed
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
      }
    }
    c.setAutoCommit(false);
    return new Store(c);
  }

  synchronized ClassInfo classInfo(Settings defaults) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT code, token, stuck_minutes, stuck_fails FROM class_info WHERE id = 1")) {
      if (r.next()) {
        ClassInfo info = new ClassInfo(r.getString(1), r.getString(2), new Settings(r.getInt(3), r.getInt(4)));
        db.commit();
        return info;
      }
    }
    ClassInfo made = new ClassInfo(Secrets.classCode(), Secrets.token(24), defaults);
    try (PreparedStatement p = db.prepareStatement(
        "INSERT INTO class_info (id, code, token, stuck_minutes, stuck_fails, created_at) VALUES (1, ?, ?, ?, ?, ?)")) {
      p.setString(1, made.code());
      p.setString(2, made.token());
      p.setInt(3, defaults.stuckMinutes());
      p.setInt(4, defaults.stuckFails());
      p.setLong(5, System.currentTimeMillis());
      p.executeUpdate();
    }
    db.commit();
    return made;
  }

  synchronized void saveSettings(Settings s) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("UPDATE class_info SET stuck_minutes = ?, stuck_fails = ? WHERE id = 1")) {
      p.setInt(1, s.stuckMinutes());
      p.setInt(2, s.stuckFails());
      p.executeUpdate();
    }
    db.commit();
  }

  synchronized List<Learner> learners() throws SQLException {
    List<Learner> all = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT id, name, secret_hash, lang, joined_at FROM learners ORDER BY joined_at, id")) {
      while (r.next()) {
        all.add(new Learner(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5)));
      }
    }
    db.commit();
    return all;
  }

  /** False when the name is taken (the unique key decides, so two joins at once cannot both win). */
  synchronized boolean addLearner(Learner l) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(
        "INSERT INTO learners (id, name, name_key, secret_hash, lang, joined_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      p.setString(1, l.id());
      p.setString(2, l.name());
      p.setString(3, Learner.key(l.name()));
      p.setString(4, l.secretHash());
      p.setString(5, l.lang());
      p.setLong(6, l.joinedAt());
      p.executeUpdate();
      db.commit();
      return true;
    } catch (SQLException e) {
      db.rollback();
      if (nameTaken(l.name())) {
        return false;
      }
      throw e;
    }
  }

  private boolean nameTaken(String name) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("SELECT 1 FROM learners WHERE name_key = ?")) {
      p.setString(1, Learner.key(name));
      try (ResultSet r = p.executeQuery()) {
        boolean taken = r.next();
        db.commit();
        return taken;
      }
    }
  }

  /** Stores the new events of a batch in one transaction; returns those that were not already stored. */
  synchronized List<Event> insert(List<Event> events, long receivedAt) throws SQLException {
    List<Event> stored = new ArrayList<>();
    try (PreparedStatement p = db.prepareStatement(
        "INSERT INTO events (learner_id, seq, type, at, received_at, lesson, step, step_index, step_total, reason_en, reason_ko)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (learner_id, seq) DO NOTHING")) {
      for (Event e : events) {
        p.setString(1, e.learner());
        p.setLong(2, e.seq());
        p.setString(3, e.type().wire());
        p.setLong(4, e.at());
        p.setLong(5, receivedAt);
        p.setString(6, e.lesson());
        p.setString(7, e.step());
        setInt(p, 8, e.index());
        setInt(p, 9, e.total());
        p.setString(10, e.reasonEn());
        p.setString(11, e.reasonKo());
        if (p.executeUpdate() == 1) {
          stored.add(e);
        }
      }
      db.commit();
      return stored;
    } catch (SQLException | RuntimeException e) {
      db.rollback();
      throw e;
    }
  }

  private static void setInt(PreparedStatement p, int i, int v) throws SQLException {
    if (v < 0) {
      p.setNull(i, Types.INTEGER);
    } else {
      p.setInt(i, v);
    }
  }

  /** Every event, in the order the server took them, to rebuild the board after a restart. */
  synchronized List<Event> events() throws SQLException {
    return query("SELECT " + COLUMNS + " FROM events ORDER BY received_at, learner_id, seq", null, Integer.MAX_VALUE);
  }

  /** The latest {@code limit} events of one learner, oldest first. */
  synchronized List<Event> timeline(String learner, int limit) throws SQLException {
    List<Event> events = query("SELECT " + COLUMNS + " FROM events WHERE learner_id = ? ORDER BY seq DESC", learner, limit);
    java.util.Collections.reverse(events);
    return events;
  }

  private static final String COLUMNS = "learner_id, seq, type, at, lesson, step, step_index, step_total, reason_en, reason_ko";

  private List<Event> query(String sql, String learner, int limit) throws SQLException {
    List<Event> out = new ArrayList<>();
    try (PreparedStatement p = db.prepareStatement(sql)) {
      if (learner != null) {
        p.setString(1, learner);
      }
      p.setFetchSize(1000);
      try (ResultSet r = p.executeQuery()) {
        while (r.next() && out.size() < limit) {
          out.add(new Event(r.getString(1), r.getLong(2), EventBatch.type(r.getString(3)).orElseThrow(), r.getLong(4),
              r.getString(5), r.getString(6), intOr(r, 7), intOr(r, 8), r.getString(9), r.getString(10)));
        }
      }
    }
    db.commit();
    return out;
  }

  private static int intOr(ResultSet r, int col) throws SQLException {
    int v = r.getInt(col);
    return r.wasNull() ? -1 : v;
  }

  synchronized void addNote(Note n) throws SQLException {
    try (PreparedStatement p = db.prepareStatement("INSERT INTO notes (id, learner_id, text, at) VALUES (?, ?, ?, ?)")) {
      p.setLong(1, n.id());
      p.setString(2, n.learner());
      p.setString(3, n.text());
      p.setLong(4, n.at());
      p.executeUpdate();
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    }
  }

  synchronized List<Note> notes() throws SQLException {
    List<Note> all = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT id, learner_id, text, at FROM notes ORDER BY id")) {
      while (r.next()) {
        all.add(new Note(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4)));
      }
    }
    db.commit();
    return all;
  }

  @Override
  public synchronized void close() throws SQLException {
    db.close();
  }
}
