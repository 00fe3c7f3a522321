/**
 * One isolated tutor per learner: a Docker container on this host ({@link DockerBackend}) or a
 * Kubernetes pod beyond it, each with its own workspace volume, limits and TTY. {@link Sandboxes}
 * keeps each learner's live session (the TTY, what it last printed, who is watching) and culls
 * idle ones; it knows nothing of HTTP: package classroom puts a WebSocket in front.
 */
package dev.shellcamp.sandbox;
