/**
 * The Docker engine gateway (docker-java, zerodep transport over the engine's socket). An
 * engine that is missing, refuses us or is too old is a value ({@link EngineProbe.Status}),
 * never a stack trace. Everything a lesson creates carries the label {@code shellcamp.lesson}.
 */
package dev.shellcamp.docker;
