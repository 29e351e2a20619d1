#!/usr/bin/python3
"""Stores scipy.optimize.newton's secant method (no fprime) on the course's Newton-Raphson function in secant.json.

Run from this folder with Debian's python3-scipy (SciPy 1.10.1 made the stored file):
    /usr/bin/python3 make_secant.py

f(x) = x^6/6 - 3x^4 - 2x^3/3 + 27x^2/2 + 18x - 30, the function of the course's Newton-Raphson notebook and quiz
(the quiz's secant value is 1.063070629709697 from x0 = 3.1). scipy.optimize.newton(f, x0) with no derivative runs the
secant method from x0 and x1 = x0*(1 + 1e-4) + 1e-4 (- 1e-4 when that is negative), tol = 1.48e-8, maxiter = 50.
For each start: the value returned, whether it converged, the iterations and the function calls. Each value is
written with repr, so it reads back to the same double.
"""
import json
from scipy.optimize import newton


def f(x):
    return x**6/6 - 3*x**4 - 2*x**3/3 + 27*x**2/2 + 18*x - 30


def main():
    cases = []
    for x0 in [3.1, 1.99, 0.0, -4.0, 1.5, -1.0, 5.0]:
        root, r = newton(f, x0, full_output=True, disp=False)
        cases.append({"x0": x0, "root": repr(float(root)), "converged": bool(r.converged),
                      "iterations": int(r.iterations), "function_calls": int(r.function_calls)})
    with open("secant.json", "w", encoding="utf-8") as out:
        json.dump({"function": "x^6/6 - 3*x^4 - 2*x^3/3 + 27*x^2/2 + 18*x - 30", "tol": 1.48e-8, "maxiter": 50,
                   "cases": cases}, out, indent=1)
        out.write("\n")
    print(json.dumps(cases, indent=1))


if __name__ == "__main__":
    main()
