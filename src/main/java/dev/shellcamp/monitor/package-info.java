/**
 * The system monitor ({@code shellcamp monitor}, {@code :monitor}): a sampler thread turns /proc
 * and OSHI readings into immutable {@link dev.shellcamp.monitor.Snapshot}s; the renderer turns a
 * snapshot and the view state into lines; the screen owns the terminal (alternate screen, raw
 * keys) and undoes every change on the way out.
 */
package dev.shellcamp.monitor;
