/**
 * The model server behind {@code shellcamp lab serve} (Jetty 12 core handlers): routes, the
 * Open Inference Protocol (KServe V2) and the TF-Serving-style {@code :predict} shim, request
 * bodies and their limits, slow-client timeouts and the per-client connection bound, and
 * Prometheus {@code /metrics}. Every client mistake is an {@code ApiError}, a 4xx whose
 * {@code {"error"}} says what was wrong; only a bug of ours is a 500.
 */
package dev.shellcamp.lab.server;
