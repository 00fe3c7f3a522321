/**
 * Writing JSON: our own files ({@code progress.json}), {@code --json} output (including
 * {@code monitor --json}) and the lab server's answers. A leaf that depends on nothing of ours,
 * so {@code progress}, {@code cli} and {@code lab} use it without depending on one another.
 * Reading JSON lives with its readers: the YAML parser for our files, the lab's strict parser
 * for what a client sends. {@code JsonPath} points at one value of parsed JSON, for the
 * {@code http} check and lint, which both need it and must not depend on each other.
 */
package dev.shellcamp.json;
