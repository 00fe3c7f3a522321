/**
 * The lab's models as data: a {@code Model} (its metadata and inference), the two kinds we ship
 * (affine, softmax classifier), their loader from {@code model.json}, and the repository of names
 * and versions. Knows nothing of HTTP: an unknown name is an {@code UnknownModelException}, which
 * the server answers as a 404. Used by the server and the batch runner.
 */
package dev.shellcamp.lab.model;
