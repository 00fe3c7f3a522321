package dev.shellcamp.lab.server;

import dev.shellcamp.lab.model.Model;
import dev.shellcamp.lab.model.ModelInfo;
import dev.shellcamp.lab.model.ModelRepository;
import dev.shellcamp.lab.model.OutputTensor;
import dev.shellcamp.lab.model.TensorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Open Inference Protocol's (KServe V2) JSON documents: metadata in, inference in and out. */
final class V2Api {
  private V2Api() {}

  static Map<String, Object> server(String version) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "shellcamp");
    m.put("version", version);
    m.put("extensions", List.of());
    return m;
  }

  static Map<String, Object> metadata(ModelRepository repo, Model model) {
    ModelInfo info = model.info();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", info.name());
    m.put("versions", repo.versions(info.name()));
    m.put("platform", info.platform());
    m.put("inputs", info.inputs().stream().map(TensorSpec::toJson).toList());
    m.put("outputs", info.outputs().stream().map(TensorSpec::toJson).toList());
    return m;
  }

  static Map<String, Object> ready(Model model) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", model.info().name());
    m.put("version", model.info().version());
    m.put("ready", true);
    return m;
  }

  static Map<String, Object> infer(Model model, V2Request request) {
    ModelInfo info = model.info();
    String expected = info.input().name();
    for (String name : request.inputs().keySet()) {
      if (!name.equals(expected)) {
        throw ApiError.badRequest("model '" + info.name() + "' has no input '" + name + "'; its input is '"
            + expected + "'");
      }
    }
    List<OutputTensor> outputs = run(model, request.inputs().get(expected), "data");
    if (request.outputs() != null) {
      outputs = pick(info, outputs, request.outputs());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model_name", info.name());
    m.put("model_version", info.version());
    if (request.id() != null) {
      m.put("id", request.id());
    }
    m.put("outputs", outputs.stream().map(OutputTensor::toJson).toList());
    return m;
  }

  /** Checks one input against the model (datatype, shape, then data) and runs the model on it. */
  static List<OutputTensor> run(Model model, InputTensor t, String root) {
    TensorSpec spec = model.info().input();
    String who = "input '" + t.name() + "': ";
    if (!t.datatype().equals(spec.datatype())) {
      throw ApiError.badRequest(who + "datatype " + t.datatype() + " does not match the model's " + spec.datatype());
    }
    String problem = model.shapeProblem(t.shape());
    if (problem != null) {
      throw ApiError.badRequest(who + problem);
    }
    return model.infer(t.shape(), TensorData.fp32(who, t.shape(), t.data(), root));
  }

  private static List<OutputTensor> pick(ModelInfo info, List<OutputTensor> all, List<String> names) {
    List<OutputTensor> picked = new ArrayList<>();
    for (String name : names) {
      OutputTensor o = all.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
          ApiError.badRequest("requested output '" + name + "' does not exist; " + info.name() + " has: "
              + String.join(", ", all.stream().map(OutputTensor::name).toList())));
      picked.add(o);
    }
    return picked;
  }
}
