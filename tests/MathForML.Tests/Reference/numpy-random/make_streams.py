#!/usr/bin/env python3
"""Reference streams of NumPy's legacy RandomState for NumPyRandomTests.

Run once in this folder with Debian's numpy (/usr/bin/python3 make_streams.py; made with numpy 1.24.2, whose legacy
RandomState streams are frozen by NumPy's compatibility policy); the files it writes are committed, so the tests need
no Python. For each seed s in 0, 1, 42, 4294967295 it writes seed-<s>/NAME.npy, each from a fresh
np.random.RandomState(s) (the same stream as np.random.seed(s) followed by np.random.*):
  state            int64 [624]    get_state()[1], the MT19937 key after seeding (pos is 624)
  random_sample    float64 [N]    random_sample(N)
  randn            float64 [N]    randn(N)
  standard_cauchy  float64 [N]    standard_cauchy(N)
  uniform          float64 [N]    uniform(-3.0, 5.0, N)
  normal           float64 [N]    normal(10.0, 2.5, N)
  randint-10       int32 [N]      randint(0, 10, N)                 (32-bit masked rejection, mask 15)
  randint-signed   int32 [N]      randint(-1000, 1001, N)
  randint-2to32    int64 [N]      randint(0, 2**32, N)              (range 2^32 - 1: next_uint32 as it is)
  randint-2to40    int64 [N]      randint(-2**40, 2**40 + 7, N)     (64-bit masked rejection)
  permutation      int32 [9870]   permutation(n) for n = 1, 2, ..., 140, concatenated
  shuffle          float64 [N]    shuffle(a) of a = 0.5 * arange(N), the shuffled array
  interleaved      float64 [M]    the calls of INTERLEAVED below in turn, N calls in all, every value in order
with N = 10**4. Integers are stored exactly; doubles keep every bit.
"""
import os

import numpy as np

N = 10**4
SEEDS = [0, 1, 42, 4294967295]

# One cycle of calls that mix the methods; NumPyRandomTests.Interleaved replays the same cycle. The gauss cache
# (has_gauss) lives across calls of other methods: randn, standard_cauchy and normal share it.
INTERLEAVED = [
    lambda r: [r.randn()],
    lambda r: [r.random_sample()],
    lambda r: [r.randn()],
    lambda r: [r.randn()],
    lambda r: [r.randint(0, 7)],
    lambda r: [r.standard_cauchy()],
    lambda r: [r.uniform(-1.0, 1.0)],
    lambda r: [r.normal(2.0, 3.0)],
    lambda r: [r.randint(3, 4)],  # a range of one value draws nothing
    lambda r: list(r.permutation(4)),
    lambda r: [r.randint(-2**40, 2**40)],
    lambda r: shuffled_list(r, [0, 1, 2]),
]


def shuffled_list(r, values):
    r.shuffle(values)
    return values


def interleaved(r):
    out = []
    for k in range(N):
        out.extend(INTERLEAVED[k % len(INTERLEAVED)](r))
    return np.array(out, dtype=np.float64)


STREAMS = {
    "state": lambda r: r.get_state()[1].astype(np.int64),
    "random_sample": lambda r: r.random_sample(N),
    "randn": lambda r: r.randn(N),
    "standard_cauchy": lambda r: r.standard_cauchy(N),
    "uniform": lambda r: r.uniform(-3.0, 5.0, N),
    "normal": lambda r: r.normal(10.0, 2.5, N),
    "randint-10": lambda r: r.randint(0, 10, N).astype(np.int32),
    "randint-signed": lambda r: r.randint(-1000, 1001, N).astype(np.int32),
    "randint-2to32": lambda r: r.randint(0, 2**32, N, dtype=np.int64),
    "randint-2to40": lambda r: r.randint(-2**40, 2**40 + 7, N, dtype=np.int64),
    "permutation": lambda r: np.concatenate([r.permutation(n) for n in range(1, 141)]).astype(np.int32),
    "shuffle": lambda r: shuffled_array(r),
    "interleaved": interleaved,
}


def shuffled_array(r):
    a = 0.5 * np.arange(N)
    r.shuffle(a)
    return a


for seed in SEEDS:
    folder = f"seed-{seed}"
    os.makedirs(folder, exist_ok=True)
    for name, draw in STREAMS.items():
        np.save(os.path.join(folder, f"{name}.npy"), draw(np.random.RandomState(seed)))
