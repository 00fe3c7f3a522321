/**
 * Java exercises evaluated with jdk.jshell. Learner code never runs in the tutor's JVM: each
 * {@link dev.shellcamp.snippet.JavaSession} drives a child JVM ({@link dev.shellcamp.snippet.Agent})
 * over a loopback socket, so {@code System.exit}, an endless loop or a crash ends only that child.
 * {@link dev.shellcamp.snippet.JavaEngine} keeps one warm spare session so a check does not pay
 * for a JVM start.
 */
package dev.shellcamp.snippet;
