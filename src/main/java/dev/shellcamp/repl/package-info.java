/**
 * The JLine session: reader, completion, status line, the ':' command table, passing keys
 * through to the learner's PTY while a command runs, and the Ctrl-C policy.
 */
package dev.shellcamp.repl;
