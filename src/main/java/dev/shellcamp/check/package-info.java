/**
 * Check implementations. Each evaluates one {@link dev.shellcamp.lesson.CheckSpec} against what
 * the learner did and returns a {@link Result} whose reason names what was expected and found.
 */
package dev.shellcamp.check;
