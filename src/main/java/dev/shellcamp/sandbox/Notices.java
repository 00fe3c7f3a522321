package dev.shellcamp.sandbox;

/** What a learner's terminal says, in their language, when their tutor ends or their sandbox is culled. */
public record Notices(String ended, String culled) {
}
