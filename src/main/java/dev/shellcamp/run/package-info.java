/**
 * A lesson being worked: its workspace, the learner's shell, the current step's state and the
 * evaluation of its checks. The REPL and {@code verify} drive the same code.
 */
package dev.shellcamp.run;
