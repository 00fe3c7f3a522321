/**
 * The batch runner behind {@code shellcamp lab batch}: a CSV in, predictions and a rejects file
 * out, each written atomically (through {@code progress.AtomicWrite}), byte for byte the same on a
 * re-run. Reads the models of {@code lab.model} directly, without a server.
 */
package dev.shellcamp.lab.batch;
