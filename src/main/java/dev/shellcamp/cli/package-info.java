/** Thin picocli commands: validate, delegate to a feature package, return an exit code. */
package dev.shellcamp.cli;
