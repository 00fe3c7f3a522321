-- One schema for SQLite and PostgreSQL: only types and statements both take.
CREATE TABLE class_info (
  id INTEGER PRIMARY KEY,
  code VARCHAR(16) NOT NULL,
  token VARCHAR(64) NOT NULL,
  stuck_minutes INTEGER NOT NULL,
  stuck_fails INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE learners (
  id VARCHAR(32) PRIMARY KEY,
  name VARCHAR(80) NOT NULL,
  name_key VARCHAR(80) NOT NULL UNIQUE,
  secret_hash VARCHAR(64) NOT NULL,
  lang VARCHAR(8),
  joined_at BIGINT NOT NULL
);

-- (learner_id, seq) is the tutor's own key: a resent event is recognised and ignored.
CREATE TABLE events (
  learner_id VARCHAR(32) NOT NULL REFERENCES learners(id),
  seq BIGINT NOT NULL,
  type VARCHAR(32) NOT NULL,
  at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  lesson VARCHAR(200),
  step VARCHAR(200),
  step_index INTEGER,
  step_total INTEGER,
  reason_en TEXT,
  reason_ko TEXT,
  PRIMARY KEY (learner_id, seq)
);
CREATE INDEX events_received ON events (received_at);

-- learner_id NULL: a note for every learner (a broadcast).
CREATE TABLE notes (
  id BIGINT PRIMARY KEY,
  learner_id VARCHAR(32),
  text TEXT NOT NULL,
  at BIGINT NOT NULL
);
