/**
 * The tutor's link to a class (docs/class.md, "The tutor"): joining a class server, the link
 * kept under the data home, an on-disk queue of events sent by a background thread, and the
 * instructor's notes. The REPL sees only {@link dev.shellcamp.classlink.ClassEvents} and
 * {@link dev.shellcamp.classlink.ClassConnection}; nothing here knows about the REPL or the CLI.
 */
package dev.shellcamp.classlink;
