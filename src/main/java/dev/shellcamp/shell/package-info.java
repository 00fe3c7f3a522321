/**
 * The learner's persistent bash behind a real PTY, plus one-shot bash scripts for checks.
 * Markers written by our rcfile separate a command's output from readline's drawing.
 */
package dev.shellcamp.shell;
