#!/usr/bin/python3
"""Reference draws of NumPy's legacy choice(a) (no p, no size) for NumPyRandomTests.ChoiceIsNumPys.

Run once in this folder with Debian's numpy (/usr/bin/python3 make_choice.py; made with numpy 1.24.2). For each seed
s in 0, 1, 42, 4294967295, after np.random.seed(s), 2000 rounds of the cycle
    choice((1, 3)), random(), choice(5 values), choice(7 values), choice((4,))
(the first is the course's sandpit_multiple_minima draw; random() interleaved shows the stream stays in step; a
one-value list draws nothing) are stored in order in choice.json as numbers (random() with repr, so it reads back to
the same double).
"""
import json

import numpy as np

SEEDS = [0, 1, 42, 4294967295]
FIVE = (10, 20, 30, 40, 50)
SEVEN = (-3, -2, -1, 0, 1, 2, 3)


def main():
    out = {}
    for s in SEEDS:
        np.random.seed(s)
        draws = []
        for _ in range(2000):
            draws.append(int(np.random.choice((1, 3))))
            draws.append(repr(float(np.random.random())))
            draws.append(int(np.random.choice(FIVE)))
            draws.append(int(np.random.choice(SEVEN)))
            draws.append(int(np.random.choice((4,))))
        out[str(s)] = draws
    with open("choice.json", "w", encoding="utf-8") as f:
        json.dump({"cycle": ["choice((1,3))", "random()", "choice(FIVE)", "choice(SEVEN)", "choice((4,))"],
                   "five": FIVE, "seven": SEVEN, "draws": out}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
