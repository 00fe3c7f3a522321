/**
 * The probe suite behind {@code shellcamp lab check}: checks any server (ours or the learner's)
 * against the V2 protocol, the models' golden answers, bad input that must be a 4xx, /metrics and
 * a latency objective (through {@code lab.load}), and reports each result as a sentence.
 */
package dev.shellcamp.lab.probe;
