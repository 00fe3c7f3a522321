/**
 * The model-serving lab (DESIGN.md section 1): the built-in model server behind
 * {@code shellcamp lab serve}, the load tester, the probe suite and the batch runner.
 *
 * <p>The server speaks the Open Inference Protocol (KServe V2) over HTTP/JSON, plus a
 * TF-Serving-style {@code :predict} shim and Prometheus {@code /metrics}. Its models are data
 * under {@code resources/dev/shellcamp/lab/models/<name>/<version>/} (parameters in
 * {@code model.json}, the model card in {@code card.md}). Bad input gets a 4xx whose
 * {@code {"error"}} says exactly what was wrong, never a 5xx.
 */
package dev.shellcamp.lab;
