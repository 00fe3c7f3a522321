# The reference answer to the golden step: the three stages, no input checks.

def preprocess(request):
    """Pre-processing: the request's JSON -> the list of numbers the model takes."""
    return [float(v) for v in request["inputs"][0]["data"]]


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
