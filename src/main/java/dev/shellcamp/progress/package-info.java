/**
 * The learner's progress: a versioned JSON file written atomically (temp, fsync, rename), and
 * {@link dev.shellcamp.progress.Overview}, the courses and lessons with that progress as the
 * menu, {@code list} and {@code progress} show them.
 */
package dev.shellcamp.progress;
