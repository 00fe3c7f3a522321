package dev.shellcamp.lab.server;

import dev.shellcamp.lab.json.JsonParser;
import dev.shellcamp.lab.model.Model;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a tensor's JSON data as FP32 values against its shape. Data may be flat (exactly as many
 * values as the shape holds, row-major) or nested exactly as the shape says; both are V2. Every
 * value must be a finite JSON number within FP32's range: NaN and Infinity, also as strings,
 * are refused with the position of the value, because a model fed them answers NaN silently.
 */
final class TensorData {
  private static final Set<String> NOT_FINITE = Set.of("nan", "+nan", "-nan", "inf", "+inf", "-inf",
      "infinity", "+infinity", "-infinity");

  private TensorData() {}

  /** {@code who} prefixes messages ("input 'x': "), {@code root} names the data ("data", "instances"). */
  static float[] fp32(String who, int[] shape, List<?> data, String root) {
    long n = 1;
    for (int d : shape) {
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw ApiError.badRequest(who + "shape " + Model.shape(shape) + " holds more than 2^31 values");
      }
    }
    float[] out = new float[(int) n];
    boolean nested = data.stream().anyMatch(e -> e instanceof List);
    if (!nested || shape.length <= 1) {
      if (data.size() != n) {
        throw ApiError.badRequest(who + "shape " + Model.shape(shape) + " needs " + n + " values, got " + data.size());
      }
      for (int i = 0; i < out.length; i++) {
        out[i] = value(who, data.get(i), root + "[" + i + "]", shape);
      }
      return out;
    }
    walk(who, shape, 0, data, root, out, new int[1]);
    return out;
  }

  private static void walk(String who, int[] shape, int depth, List<?> list, String path, float[] out, int[] next) {
    if (list.size() != shape[depth]) {
      throw ApiError.badRequest(who + path + " has " + list.size() + " entries; shape "
          + Model.shape(shape) + " needs " + shape[depth] + " there");
    }
    for (int i = 0; i < list.size(); i++) {
      Object e = list.get(i);
      String at = path + "[" + i + "]";
      if (depth + 1 < shape.length) {
        if (!(e instanceof List<?> sub)) {
          throw ApiError.badRequest(who + at + " must be a list of " + shape[depth + 1] + " (shape "
              + Model.shape(shape) + "), got " + JsonParser.describe(e));
        }
        walk(who, shape, depth + 1, sub, at, out, next);
      } else {
        out[next[0]++] = value(who, e, at, shape);
      }
    }
  }

  private static float value(String who, Object v, String at, int[] shape) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      if (Math.abs(d) > Float.MAX_VALUE) {
        throw ApiError.badRequest(who + at + " = " + d + " is outside the FP32 range (about ±3.4e38)");
      }
      return d.floatValue();
    }
    if (v instanceof String s && NOT_FINITE.contains(s.trim().toLowerCase(Locale.ROOT))) {
      throw ApiError.badRequest(who + at + " is the string \"" + s + "\"; NaN and Infinity are not allowed,"
          + " send finite numbers");
    }
    if (v instanceof List) {
      throw ApiError.badRequest(who + at + " is a list, but shape " + Model.shape(shape) + " has only "
          + shape.length + (shape.length == 1 ? " dimension" : " dimensions"));
    }
    throw ApiError.badRequest(who + at + " must be a number, got " + JsonParser.describe(v)
        + (v instanceof String ? " (send numbers without quotes)" : ""));
  }
}
