/**
 * Lessons as data: records for the catalog, lessons, steps and check specs, and the loader that
 * validates lessons/ and reports every problem as {@code file:line: message}.
 */
package dev.shellcamp.lesson;
