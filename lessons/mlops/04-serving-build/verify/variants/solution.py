# The reference answer to the bad-input step: preprocess refuses every malformed request.
BASE = "golden-only"


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
    shape = tensor.get("shape")
    if shape not in ([len(data)], [len(data), 1]):
        raise BadRequest("shape %r does not match %d values" % (shape, len(data)))
    if not data:
        raise BadRequest("the batch is empty")
    for v in data:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise BadRequest("every value must be a finite number, not %r" % (v,))
    return [float(v) for v in data]
