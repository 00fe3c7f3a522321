/**
 * The lab's strict JSON reader (RFC 8259 over UTF-8 bytes): what the model server reads from
 * clients, what the probe reads from a server under test, and the models' own {@code model.json}.
 * Errors name the byte offset. A leaf: it depends on nothing else in the lab.
 */
package dev.shellcamp.lab.json;
