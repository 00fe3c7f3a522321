/**
 * The model-serving lab (DESIGN.md section 1): the built-in model server behind
 * {@code shellcamp lab serve}, the load tester, the probe suite and the batch runner.
 *
 * <p>The server speaks the Open Inference Protocol (KServe V2) over HTTP/JSON, plus a
 * TF-Serving-style {@code :predict} shim and Prometheus {@code /metrics}. Its models are data
 * under {@code resources/dev/shellcamp/lab/models/<name>/<version>/} (parameters in
 * {@code model.json}, the model card in {@code card.md}). Bad input gets a 4xx whose
 * {@code {"error"}} says exactly what was wrong, never a 5xx.
 *
 * <p>One subpackage a part: {@code json} (the strict parser), {@code model} (models as data),
 * {@code server}, {@code load}, {@code probe} and {@code batch}. Arrows point one way: server and
 * batch use model, model uses json, probe uses load (and the server borrows load's duration
 * parser). This package holds only {@link LabText}, the sentence that load and probe results
 * carry to the learner's language.
 */
package dev.shellcamp.lab;
