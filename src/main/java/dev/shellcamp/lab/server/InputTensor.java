package dev.shellcamp.lab.server;

import java.util.List;

/**
 * One entry of a V2 request's {@code inputs}, checked against the protocol (name, datatype and
 * shape are well-formed) but not yet against a model. {@code data} is as the client sent it,
 * flat or nested; {@link TensorData} reads it once the model's datatype is known.
 */
record InputTensor(String name, String datatype, int[] shape, List<?> data) {}
