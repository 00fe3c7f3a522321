# A near miss: predict returns x itself, so y is wrong.
BASE = "golden-only"


def predict(xs):
    """The model: y = slope * x + intercept for every x."""
    return xs
