"""half_plus_two over the Open Inference Protocol V2 (REST), with nothing but the standard library.

Written apart from shellcamp's own server and its lesson skeleton, to check that `lab check`
grades the protocol and not one way of writing it. It does what V2 asks and no more:

- no limit on the body size, no check of Content-Type (a JSON body is JSON however it is labelled);
- the model has one input, so the first tensor is taken whatever its name;
- an empty batch (shape [0]) is a consistent tensor and gets an empty answer;
- no /metrics.

So the probe must pass it, with warnings for the hardening it lacks. Run:

    python3 stdlib_half_plus_two.py --port 8000
"""
import argparse
import json
import re
from functools import reduce
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL = "half_plus_two"
VERSION = "1"
BAD_REQUEST = 400


class V2Error(Exception):
    """A request V2 cannot take; the status and the message go into {"error": ...}."""

    def __init__(self, message, status=BAD_REQUEST):
        super().__init__(message)
        self.status = status


def no_constants(token):
    # json.loads reads NaN and Infinity by default; they are not JSON
    raise V2Error("%s is not a JSON number" % token)


def flat(values, where="data"):
    out = []
    for i, v in enumerate(values):
        if isinstance(v, list):
            out.extend(flat(v, "%s[%d]" % (where, i)))
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            out.append(float(v))
        else:
            raise V2Error("%s[%d] is %r; FP32 data are numbers" % (where, i, v))
    return out


def tensor_of(doc):
    if not isinstance(doc, dict):
        raise V2Error("the request must be a JSON object")
    inputs = doc.get("inputs")
    if not isinstance(inputs, list) or not inputs:
        raise V2Error("'inputs' must be a non-empty list of tensors")
    t = inputs[0]
    if not isinstance(t, dict):
        raise V2Error("inputs[0] must be an object")
    for key, kind in (("name", str), ("shape", list), ("datatype", str), ("data", list)):
        if not isinstance(t.get(key), kind):
            raise V2Error("inputs[0].%s is missing or not a %s" % (key, kind.__name__))
    if t["datatype"] != "FP32":
        raise V2Error("inputs[0].datatype is %s; %s takes FP32" % (t["datatype"], MODEL))
    shape = t["shape"]
    if not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape):
        raise V2Error("inputs[0].shape must hold sizes, got %r" % (shape,))
    values = flat(t["data"])
    size = reduce(lambda a, b: a * b, shape, 1)
    if size != len(values):
        raise V2Error("inputs[0].shape %r holds %d values, data has %d" % (shape, size, len(values)))
    return shape, values


def infer(doc):
    shape, xs = tensor_of(doc)
    ys = [0.5 * v + 2 for v in xs]
    out = {"model_name": MODEL, "model_version": VERSION,
           "outputs": [{"name": "y", "datatype": "FP32", "shape": shape, "data": ys}]}
    if "id" in doc:
        out["id"] = doc["id"]
    return out


MODEL_PATH = r"/v2/models/(?P<model>[^/]+)(?:/versions/(?P<version>[^/]+))?"
GET_ROUTES = [
    (re.compile(r"/v2/health/(live|ready)"), lambda m: {}),
    (re.compile(r"/v2"), lambda m: {"name": "stdlib-v2", "version": "0.3", "extensions": []}),
    (re.compile(MODEL_PATH + r"/ready"), lambda m: model(m) and {"name": MODEL, "ready": True}),
    (re.compile(MODEL_PATH), lambda m: model(m) and {
        "name": MODEL, "versions": [VERSION], "platform": "python",
        "inputs": [{"name": "x", "datatype": "FP32", "shape": [-1]}],
        "outputs": [{"name": "y", "datatype": "FP32", "shape": [-1]}]}),
]
INFER = re.compile(MODEL_PATH + r"/infer")


def model(match):
    if match.group("model") != MODEL or match.group("version") not in (None, VERSION):
        raise V2Error("unknown model %s" % match.group("model"), 404)
    return True


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        for pattern, answer in GET_ROUTES:
            m = pattern.fullmatch(self.path)
            if m:
                return self.answer(lambda: answer(m))
        self.reply(404, {"error": "no route for GET " + self.path})

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        m = INFER.fullmatch(self.path)
        if not m:
            return self.reply(404, {"error": "no route for POST " + self.path})
        self.answer(lambda: model(m) and infer(self.parse(body)))

    @staticmethod
    def parse(body):
        try:
            return json.loads(body.decode("utf-8"), parse_constant=no_constants)
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise V2Error("the body is not JSON: %s" % e)

    def answer(self, make):
        try:
            self.reply(200, make())
        except V2Error as e:
            self.reply(e.status, {"error": str(e)})

    def reply(self, status, doc):
        payload = json.dumps(doc, separators=(",", ":")).encode("utf-8")
        self.send_response(status)
        for name, value in (("Content-Type", "application/json"), ("Content-Length", len(payload))):
            self.send_header(name, str(value))
        self.end_headers()
        self.wfile.write(payload)

    log_message = lambda self, *args: None  # quiet: the probe sends hundreds of requests


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=8000)
    ThreadingHTTPServer(("127.0.0.1", p.parse_args().port), Handler).serve_forever()
