#!/usr/bin/env python3
"""The `mml linalg eig --symmetric --values-only A.npy` job as a numpy user writes it, for `bench jobs`.

    /usr/bin/python3 eigvalsh_job.py A.npy

Loads the symmetric A and takes its eigenvalues only (numpy.linalg.eigvalsh: LAPACK dsyevd, jobz='N'). Prints one JSON line.
"""
import json, sys
import numpy as np

a = np.load(sys.argv[1])
w = np.linalg.eigvalsh(a)
print(json.dumps(dict(job="eigvalsh", n=a.shape[0], largest=float(w[-1]), smallest=float(w[0]))))
