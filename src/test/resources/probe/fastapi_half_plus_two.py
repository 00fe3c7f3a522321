"""half_plus_two (y = 0.5 * x + 2) over the Open Inference Protocol (KServe V2), with FastAPI.

The kind of server a learner writes in mlops/serving-build, and the one the probe suite
(`shellcamp lab check`) is tested against. Run it with the system Python, where Debian's
python3-fastapi and python3-uvicorn live:

    /usr/bin/python3 -m uvicorn fastapi_half_plus_two:app --app-dir src/test/resources/probe --port 8000

Pydantic checks the request's structure (422, naming the field); the handler checks what the
model needs (400). A small ASGI middleware refuses bodies over 1 MiB (413) and anything but
JSON (415) before FastAPI reads them, and counts answers for /metrics. Errors are V2's
{"error": "..."} rather than FastAPI's {"detail": ...}. Works with pydantic 1 and 2.
"""
import math
from typing import Any, List, Optional

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, StrictInt
from starlette.exceptions import HTTPException as StarletteHTTPException

try:  # pydantic 2
    from pydantic import field_validator as validator
except ImportError:  # pydantic 1 (Debian 12, Ubuntu 24.04)
    from pydantic import validator

MODEL, VERSION = "half_plus_two", "1"
LIMIT = 1 << 20          # the largest body we read
DRAIN_LIMIT = 64 << 20   # past this we stop reading a refused body and let the connection drop


class Tensor(BaseModel):
    name: str
    shape: List[StrictInt]
    datatype: str
    data: List[Any]

    @validator("data")
    def numbers(cls, data):
        for i, v in enumerate(data):
            # strict: "1.5" or true is a client's bug, not a number (pydantic's float would take both)
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise ValueError(f"data[{i}] must be a number, got {v!r}")
            # Python's json module reads NaN and Infinity, which JSON does not have
            if not math.isfinite(v):
                raise ValueError(f"data[{i}] is {v}; send finite numbers")
        return data


class InferRequest(BaseModel):
    id: Optional[str] = None
    inputs: List[Tensor]

    @validator("inputs")
    def not_empty(cls, inputs):
        if not inputs:
            raise ValueError("send at least one input tensor")
        return inputs


app = FastAPI(title=MODEL)
COUNTS = {}  # (endpoint, status) -> answers; only the event loop's thread touches it


@app.exception_handler(RequestValidationError)
async def invalid(request: Request, exc: RequestValidationError):
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()))
    return JSONResponse({"error": f"{where}: {first.get('msg', 'invalid request')}"}, status_code=422)


@app.exception_handler(StarletteHTTPException)
async def refused(request: Request, exc: StarletteHTTPException):
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)


@app.get("/v2/health/live")
def live():
    return {"live": True}


@app.get("/v2/health/ready")
def ready():
    return {"ready": True}


@app.get("/v2")
def server():
    return {"name": "fastapi-half-plus-two", "version": "1.0", "extensions": []}


def known(model: str, version: Optional[str]):
    if model != MODEL or version not in (None, VERSION):
        raise HTTPException(404, f"no model {model}" + (f" version {version}" if version else "")
                            + f"; this server has {MODEL} version {VERSION}")


@app.get("/v2/models/{model}")
@app.get("/v2/models/{model}/versions/{version}")
def metadata(model: str, version: Optional[str] = None):
    known(model, version)
    return {"name": MODEL, "versions": [VERSION], "platform": "python",
            "inputs": [{"name": "x", "datatype": "FP32", "shape": [-1]}],
            "outputs": [{"name": "y", "datatype": "FP32", "shape": [-1]}]}


@app.get("/v2/models/{model}/ready")
@app.get("/v2/models/{model}/versions/{version}/ready")
def model_ready(model: str, version: Optional[str] = None):
    known(model, version)
    return {"name": MODEL, "ready": True}


@app.post("/v2/models/{model}/infer")
@app.post("/v2/models/{model}/versions/{version}/infer")
def infer(model: str, body: InferRequest, version: Optional[str] = None):
    known(model, version)
    names = [t.name for t in body.inputs]
    if names != ["x"]:
        raise HTTPException(400, f"{MODEL} has one input, 'x'; got {names}")
    x = body.inputs[0]
    if x.datatype != "FP32":
        raise HTTPException(400, f"input 'x': datatype {x.datatype} does not match the model's FP32")
    if len(x.shape) != 1:
        raise HTTPException(400, f"input 'x': shape {x.shape} does not fit; {MODEL} takes [N]")
    if x.shape[0] != len(x.data):
        raise HTTPException(400, f"input 'x': shape {x.shape} needs {x.shape[0]} values, got {len(x.data)}")
    if not x.data:
        raise HTTPException(400, "input 'x': empty batch; send at least one value")
    y = [0.5 * v + 2 for v in x.data]
    answer = {"model_name": MODEL, "model_version": VERSION}
    if body.id is not None:
        answer["id"] = body.id
    answer["outputs"] = [{"name": "y", "shape": [len(y)], "datatype": "FP32", "data": y}]
    return answer


@app.get("/metrics")
def metrics():
    lines = ["# HELP http_requests_total Requests answered, by endpoint and status code.",
             "# TYPE http_requests_total counter"]
    for (endpoint, code), n in sorted(COUNTS.items()):
        lines.append(f'http_requests_total{{endpoint="{endpoint}",code="{code}"}} {n}')
    return PlainTextResponse("\n".join(lines) + "\n", media_type="text/plain; version=0.0.4")


def endpoint(path: str) -> str:
    if path.endswith("/infer"):
        return "infer"
    if path.startswith("/v2/health/"):
        return path.rsplit("/", 1)[1]
    if path.startswith("/v2/models/"):
        return "model_ready" if path.endswith("/ready") else "model"
    return "server" if path == "/v2" else "other"


class Guard:
    """Pure ASGI, so it sees the body before FastAPI does and the status of every answer."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope["path"]

        async def counted(message):
            if message["type"] == "http.response.start" and path != "/metrics":
                # counted before the answer leaves, so a client holding N answers finds all N counted
                key = (endpoint(path), message["status"])
                COUNTS[key] = COUNTS.get(key, 0) + 1
            await send(message)

        if scope["method"] != "POST":
            return await self.app(scope, receive, counted)
        headers = dict(scope["headers"])
        kind = headers.get(b"content-type", b"application/json").split(b";")[0].strip().lower()
        if kind != b"application/json":
            return await refuse(scope, receive, counted, 415, "Content-Type must be application/json, got "
                                + kind.decode("latin-1"))
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            more = message.get("more_body", False)
            if size > LIMIT:
                return await refuse(scope, receive, counted, 413, f"the body is over {LIMIT} bytes (1 MiB)", more)
            chunks.append(chunk)
            if not more:
                break
        body, replayed = b"".join(chunks), False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, counted)


async def refuse(scope, receive, send, status, error, more=True):
    # read and drop the rest of the body first (bounded): answering with bytes still unread makes
    # the kernel reset the connection, and the client may never see this answer
    drained = 0
    while more and drained < DRAIN_LIMIT:
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        drained += len(message.get("body", b""))
        more = message.get("more_body", False)
    await JSONResponse({"error": error}, status_code=status)(scope, receive, send)


app.add_middleware(Guard)
