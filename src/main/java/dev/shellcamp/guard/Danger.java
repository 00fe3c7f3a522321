package dev.shellcamp.guard;

/**
 * Why a line should not run unasked. {@code key} names the risk (the bundle's explanation),
 * {@code what} the bundle sentence naming what would run: {@code command} (the real program and
 * its options) on {@code path} (resolved, "~" for the lesson home), which came from the typed
 * word {@code from} when that reads differently ("" otherwise).
 */
public record Danger(String key, String what, String command, String path, String from) {}
