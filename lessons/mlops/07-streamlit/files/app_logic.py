"""The iris demo's logic, in plain Python: no Streamlit needed.

app.py draws the page with Streamlit and calls these functions. Keeping the logic
here means it can be tested and reused without a browser:

    python3 app_logic.py        # pretends to be three reruns of the page
"""
import csv
import json
import math
import os
import time

HERE = os.path.dirname(os.path.abspath(__file__))

with open(os.path.join(HERE, "model.json")) as f:
    MODEL = json.load(f)
CLASSES = MODEL["classes"]


def load_flowers(path="flowers.csv"):
    """Every flower in the CSV: a list of (four measurements in cm, species).

    Slow on purpose: the sleep stands in for a big file or a database query,
    the kind of loading a page should not repeat on every click.
    """
    with open(path, newline="") as f:
        rows = [([float(r[k]) for k in MODEL["features"]], r["species"]) for r in csv.DictReader(f)]
    time.sleep(0.5)
    return rows


def predict(features):
    """The iris model: standardise, linear layer, softmax -> a probability per class."""
    z = [(x - m) / s for x, m, s in zip(features, MODEL["standardize"]["mean"], MODEL["standardize"]["std"])]
    logits = [sum(w * v for w, v in zip(row, z)) + b for row, b in zip(MODEL["weights"], MODEL["bias"])]
    top = max(logits)
    e = [math.exp(v - top) for v in logits]
    return [v / sum(e) for v in e]


def label(probabilities):
    """Post-processing: the name of the most likely class."""
    return CLASSES[probabilities.index(max(probabilities))]


def accuracy(rows):
    """How many of the flowers the model names right, as a fraction."""
    return sum(label(predict(x)) == y for x, y in rows) / len(rows)


if __name__ == "__main__":
    # Streamlit runs app.py from the top on every interaction; three clicks, three runs:
    for rerun in range(1, 4):
        start = time.perf_counter()
        rows = load_flowers()
        print("run %d: %d flowers loaded in %.2f s" % (rerun, len(rows), time.perf_counter() - start))
    print("accuracy on all %d flowers: %.3f" % (len(rows), accuracy(rows)))
