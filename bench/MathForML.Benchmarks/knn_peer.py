#!/usr/bin/env python3
"""scikit-learn peer of `MathForML.Benchmarks knn`: k-NN (brute force) of 2,000 MNIST digits against 8,000.

    /usr/bin/python3 knn_peer.py X.npy Y.npy OUT_DIR [--k 3] [--test 2000]

Splits X/Y (from peers.py prepare-mnist) by a seeded permutation (numpy default_rng(0)): the first --test rows are the
test set, the rest the training set; writes OUT_DIR/knn-{train,test}-{x,y}.npy for the C# side, times
KNeighborsClassifier(algorithm='brute') fit + predict (one warm-up, median of 5), and writes its predictions to
OUT_DIR/knn-sklearn-predictions.npy. Prints one JSON line.
"""
import argparse, json, os, sys, time
if os.environ.get("OPENBLAS_CORETYPE") or os.environ.get("OPENBLAS_L2_SIZE"):
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    os.execve(sys.executable, [sys.executable] + sys.argv, env)
import numpy as np
from sklearn.neighbors import KNeighborsClassifier

ap = argparse.ArgumentParser()
ap.add_argument("x"); ap.add_argument("y"); ap.add_argument("out")
ap.add_argument("--k", type=int, default=3); ap.add_argument("--test", type=int, default=2000)
a = ap.parse_args()
X = np.load(a.x).astype(np.float64); Y = np.load(a.y).astype(np.int32)
perm = np.random.default_rng(0).permutation(len(X))
te, tr = perm[: a.test], perm[a.test:]
os.makedirs(a.out, exist_ok=True)
for name, arr in [("train-x", X[tr]), ("train-y", Y[tr]), ("test-x", X[te]), ("test-y", Y[te])]:
    np.save(os.path.join(a.out, f"knn-{name}.npy"), arr)

def run():
    return KNeighborsClassifier(n_neighbors=a.k, algorithm="brute").fit(X[tr], Y[tr]).predict(X[te])

run()
ts = []
for _ in range(5):
    t0 = time.perf_counter(); p = run(); ts.append(time.perf_counter() - t0)
ts.sort()
np.save(os.path.join(a.out, "knn-sklearn-predictions.npy"), p.astype(np.int32))
print(json.dumps(dict(task="knn", peer="sklearn KNeighborsClassifier brute", k=a.k, n_train=len(tr), n_test=len(te),
                      median_s=ts[2], min_s=ts[0], max_s=ts[-1], accuracy=float((p == Y[te]).mean()))), flush=True)
