#!/usr/bin/env python3
"""A small model server for half_plus_two, in the Python standard library only.

It speaks the part of the Open Inference Protocol (KServe V2) that clients and
`shellcamp lab check` use:

  GET  /v2/health/live                  is the process alive?
  GET  /v2/health/ready                 may it take traffic?
  GET  /v2                              server metadata
  GET  /v2/models/half_plus_two         model metadata: inputs and outputs
  GET  /v2/models/half_plus_two/ready   is this model loaded?
  POST /v2/models/half_plus_two/infer   a prediction

Run it in the background:  python3 server.py --port 8000 &
"""
import argparse
import json
import math
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 1 << 20  # 1 MiB: a larger request is refused with 413

# The model is data, the server is code: the parameters training produced live in model.json.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "model.json")) as f:
    MODEL = json.load(f)
NAME = MODEL["name"]


class BadRequest(Exception):
    """The client's mistake: answered with 400 and {"error": message}."""


# ---------------------------------------------------------------- the three stages


def preprocess(request):
    """Pre-processing: the request's JSON -> the list of numbers the model takes.

    Raise BadRequest("what is wrong") for anything the model cannot take.
    """
    if not isinstance(request, dict):
        raise BadRequest("the body must be a JSON object")
    inputs = request.get("inputs")
    if not isinstance(inputs, list) or len(inputs) != 1:
        raise BadRequest("'inputs' must be a list with one tensor")
    tensor = inputs[0]
    if not isinstance(tensor, dict):
        raise BadRequest("each input must be an object")
    if tensor.get("name") != "x":
        raise BadRequest("unknown input %r; the model takes 'x'" % tensor.get("name"))
    if tensor.get("datatype") != "FP32":
        raise BadRequest("datatype must be FP32, not %r" % tensor.get("datatype"))
    data = tensor.get("data")
    if not isinstance(data, list):
        raise BadRequest("'data' must be a list of numbers")
    if any(isinstance(v, list) for v in data):
        # nested rows: x has one value a row, so each row must be [value]
        if not all(isinstance(v, list) and len(v) == 1 for v in data):
            raise BadRequest("each row of x holds exactly one value")
        data = [v[0] for v in data]
    if not data:
        raise BadRequest("the batch is empty")
    for v in data:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise BadRequest("every value must be a finite number, not %r" % (v,))
    return [float(v) for v in data]


def predict(xs):
    """The model: y = slope * x + intercept for every x."""
    return [MODEL["slope"] * x + MODEL["intercept"] for x in xs]


def postprocess(ys, request):
    """Post-processing: the model's numbers -> the V2 answer."""
    answer = {
        "model_name": NAME,
        "model_version": MODEL["version"],
        "outputs": [{"name": "y", "shape": [len(ys)], "datatype": "FP32", "data": ys}],
    }
    if "id" in request:
        answer["id"] = request["id"]  # V2 echoes the request id
    return answer


# ---------------------------------------------------------------- HTTP plumbing


class Handler(BaseHTTPRequestHandler):
    server_version = "my-model-server/0.1"
    protocol_version = "HTTP/1.1"  # keep-alive: every answer says its Content-Length
    # send each answer at once: with keep-alive, Nagle's algorithm and the client's delayed ACK
    # would hold the body back for ~40 ms
    disable_nagle_algorithm = True

    def do_GET(self):
        routes = {
            "/v2/health/live": {"live": True},
            "/v2/health/ready": {"ready": True},
            "/v2": {"name": "my-model-server", "version": "0.1", "extensions": []},
            "/v2/models/" + NAME: {
                "name": NAME,
                "versions": [MODEL["version"]],
                "platform": "python-stdlib",
                "inputs": MODEL["inputs"],
                "outputs": MODEL["outputs"],
            },
            "/v2/models/" + NAME + "/ready": {"name": NAME, "ready": True},
        }
        if self.path in routes:
            self.send_json(200, routes[self.path])
        else:
            self.send_json(404, {"error": "no such path: " + self.path})

    def do_POST(self):
        body = self.read_body()
        if body is None:
            return  # read_body has answered already
        if self.path != "/v2/models/%s/infer" % NAME:
            self.send_json(404, {"error": "no such model or path: " + self.path})
            return
        try:
            request = json.loads(body, parse_constant=reject_constant)
        except ValueError as e:
            self.send_json(400, {"error": "the body is not valid JSON: %s" % e})
            return
        try:
            xs = preprocess(request)
            ys = predict(xs)
            self.send_json(200, postprocess(ys, request))
        except BadRequest as e:
            self.send_json(400, {"error": str(e)})
        except Exception as e:  # a bug in the server, not the client's fault
            self.send_json(500, {"error": "%s: %s" % (type(e).__name__, e)})

    def read_body(self):
        """The request body as bytes, or None after answering 411/413/415."""
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            drain(self.rfile, length)  # read it all, so the client sees our 413 and not a reset
            self.send_json(413, {"error": "the body is over %d bytes" % MAX_BODY})
            return None
        body = self.rfile.read(length)
        ctype = (self.headers.get("Content-Type") or "application/json").split(";")[0].strip().lower()
        if ctype != "application/json":
            self.send_json(415, {"error": "Content-Type must be application/json, not " + ctype})
            return None
        return body

    def send_json(self, status, doc):
        data = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        pass  # one line per request would drown the terminal


def reject_constant(token):
    # Python's json reads NaN and Infinity, which are not JSON
    raise ValueError("%s is not a JSON number" % token)


def drain(stream, n):
    while n > 0:
        chunk = stream.read(min(n, 65536))
        if not chunk:
            break
        n -= len(chunk)


def main():
    parser = argparse.ArgumentParser(description="a V2 model server for " + NAME)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    try:
        server = ThreadingHTTPServer((args.host, args.port), Handler)
    except OSError as e:
        sys.exit("cannot listen on %s:%d (%s): is an older server.py still running? see 'jobs'"
                 % (args.host, args.port, e.strerror))
    print("serving %s on http://%s:%d" % (NAME, args.host, args.port), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
