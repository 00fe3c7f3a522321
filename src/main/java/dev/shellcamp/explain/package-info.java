/**
 * The misconception explainer: when a step's check fails, names the classic mistake the learner
 * made, if any (the order of {@code 2>&1 > file}, a script with CRLF line ends, {@code -p} the
 * wrong way round), with why it goes wrong and the fix. Rules read the step's commands (lines,
 * exit codes, output), the workspace, the active venv and the step's checks; lessons add their
 * own in {@code misconceptions:}. Every rule stays silent on every accepted answer of every lesson.
 */
package dev.shellcamp.explain;
