# A near miss: the answer drops the request's "id".
BASE = "golden-only"


def postprocess(ys, request):
    """Post-processing: the model's numbers -> the V2 answer."""
    answer = {
        "model_name": NAME,
        "model_version": MODEL["version"],
        "outputs": [{"name": "y", "shape": [len(ys)], "datatype": "FP32", "data": ys}],
    }
    return answer
