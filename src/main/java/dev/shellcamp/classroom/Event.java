package dev.shellcamp.classroom;

import dev.shellcamp.classlink.EventType;

/** One stored event; {@code at} is already on the server's clock. Reasons are null unless a check failed. */
record Event(String learner, long seq, EventType type, long at, String lesson, String step, int index, int total,
    String reasonEn, String reasonKo) {
}
