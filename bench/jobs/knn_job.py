#!/usr/bin/env python3
"""The `mml knn` job as a scikit-learn user writes it (brute force), for `bench jobs`.

    /usr/bin/python3 knn_job.py TRAIN_X.npy TRAIN_Y.npy TEST_X.npy TEST_Y.npy K

Loads the four arrays (from knn_peer.py's split), fits KNeighborsClassifier(algorithm='brute'), predicts the test
samples and prints the accuracy as one JSON line.
"""
import json, sys
import numpy as np
from sklearn.neighbors import KNeighborsClassifier

tx, ty, qx, qy = (np.load(p) for p in sys.argv[1:5])
k = int(sys.argv[5])
p = KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(tx.astype(np.float64), ty).predict(qx.astype(np.float64))
print(json.dumps(dict(job="knn", k=k, accuracy=float((p == qy).mean()))))
