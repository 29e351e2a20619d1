#!/usr/bin/env python3
"""scikit-learn's iris data set, summarised for IrisTests.

Run once in this folder with Debian's python3-sklearn (/usr/bin/python3 make_reference.py > reference.json; made with
scikit-learn 1.2.1); the output is committed. Writes the shape, feature and class names, the class counts, and the
column means and (population) standard deviations of load_iris().data, each double as repr() prints it.
"""
import json

import numpy as np
from sklearn.datasets import load_iris

iris = load_iris()
print(json.dumps({
    "shape": list(iris.data.shape),
    "feature_names": list(iris.feature_names),
    "class_names": [str(n) for n in iris.target_names],
    "class_counts": np.bincount(iris.target).tolist(),
    "means": iris.data.mean(axis=0).tolist(),
    "stds": iris.data.std(axis=0).tolist(),
    "first": iris.data[0].tolist(),
    "last": iris.data[-1].tolist(),
}, indent=1))
