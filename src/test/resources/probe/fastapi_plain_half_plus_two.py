"""half_plus_two over the Open Inference Protocol V2 (REST), with FastAPI and no pydantic models.

A second FastAPI server written apart from fastapi_half_plus_two.py (which validates with
pydantic and guards the body in middleware): here the handler reads the raw body and checks
it by hand, as people often do when the request has a free-form part. It does what V2 asks:
a 4xx with {"error": ...} for anything it cannot take, the request id echoed. It lacks
hardening V2 does not ask for, so the probe must pass it with warnings:

- no limit on the body size;
- no check of Content-Type;
- no /metrics (FastAPI's own 404 answers it).

    /usr/bin/python3 -m uvicorn fastapi_plain_half_plus_two:app --port 8000
"""
import json
import math

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse

NAME, VERSION = "half_plus_two", "1"
SLOPE, INTERCEPT = 0.5, 2.0

app = FastAPI()
v2 = APIRouter(prefix="/v2")


class Refused(Exception):
    def __init__(self, status: int, message: str):
        self.status, self.message = status, message


@app.exception_handler(Refused)
async def refused(request: Request, exc: Refused):
    return JSONResponse(status_code=exc.status, content={"error": exc.message})


def check_model(model: str, version: str = None) -> None:
    if model != NAME:
        raise Refused(404, f"model '{model}' is not served here")
    if version is not None and version != VERSION:
        raise Refused(404, f"model '{model}' has no version '{version}'")


@v2.get("/health/live")
async def live():
    return {"live": True}


@v2.get("/health/ready")
async def ready():
    return {"ready": True}


@v2.get("")
async def server_metadata():
    return {"name": "plain-fastapi", "version": "2024.1", "extensions": []}


@v2.get("/models/{model}")
@v2.get("/models/{model}/versions/{version}")
async def model_metadata(model: str, version: str = None):
    check_model(model, version)
    return {"name": NAME, "versions": [VERSION], "platform": "fastapi",
            "inputs": [{"name": "x", "datatype": "FP32", "shape": [-1]}],
            "outputs": [{"name": "y", "datatype": "FP32", "shape": [-1]}]}


@v2.get("/models/{model}/ready")
@v2.get("/models/{model}/versions/{version}/ready")
async def model_ready(model: str, version: str = None):
    check_model(model, version)
    return {"name": NAME, "ready": True}


def read_x(raw: bytes) -> list:
    try:
        doc = json.loads(raw)
    except ValueError as e:
        raise Refused(400, f"body is not valid JSON ({e})")
    if type(doc) is not dict or type(doc.get("inputs")) is not list:
        raise Refused(400, "expected an object with an 'inputs' list")
    by_name = {t.get("name"): t for t in doc["inputs"] if type(t) is dict}
    if set(by_name) != {"x"} or len(doc["inputs"]) != 1:
        raise Refused(400, f"{NAME} takes exactly one input, 'x'; got {sorted(map(str, by_name))}")
    x = by_name["x"]
    if x.get("datatype") != "FP32":
        raise Refused(400, f"input 'x' must be FP32, got {x.get('datatype')!r}")
    shape, data = x.get("shape"), x.get("data")
    if type(data) is not list:
        raise Refused(400, "input 'x' needs a 'data' list")
    if data and all(type(row) is list and len(row) == 1 for row in data):
        data = [row[0] for row in data]  # [[1], [2]]: rows of one value
    if shape not in ([len(data)], [len(data), 1]):
        raise Refused(400, f"input 'x' has shape {shape} but {len(data)} values")
    if not data:
        raise Refused(400, "input 'x' is empty")
    for i, v in enumerate(data):
        if type(v) not in (int, float) or not math.isfinite(v):
            raise Refused(400, f"input 'x' data[{i}] = {v!r} is not a finite number")
    return data


@v2.post("/models/{model}/infer")
@v2.post("/models/{model}/versions/{version}/infer")
async def infer(model: str, request: Request, version: str = None):
    check_model(model, version)
    raw = await request.body()
    xs = read_x(raw)
    reply = {"model_name": NAME, "model_version": VERSION,
             "outputs": [{"name": "y", "datatype": "FP32", "shape": [len(xs)],
                          "data": [SLOPE * v + INTERCEPT for v in xs]}]}
    request_id = json.loads(raw).get("id")
    if request_id is not None:
        reply["id"] = request_id
    return reply


app.include_router(v2)
