# Another golden answer: a loop instead of a comprehension, slope and intercept written in.
BASE = "golden-only"


def preprocess(request):
    """Pre-processing: the request's JSON -> the list of numbers the model takes."""
    tensor = request["inputs"][0]
    xs = []
    for value in tensor["data"]:
        xs.append(float(value))
    return xs


def predict(xs):
    """The model: y = slope * x + intercept for every x."""
    return [0.5 * x + 2.0 for x in xs]
