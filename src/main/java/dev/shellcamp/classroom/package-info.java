/**
 * The class server: learners join with a code, their tutors post events, the instructor watches a
 * live board and sends notes; everything is kept in one store (SQLite file or PostgreSQL). The
 * wire protocol is docs/class.md; the tutor's side is package classlink.
 */
package dev.shellcamp.classroom;
