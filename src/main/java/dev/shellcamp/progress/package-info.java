/** The learner's progress: a versioned JSON file written atomically (temp, fsync, rename). */
package dev.shellcamp.progress;
