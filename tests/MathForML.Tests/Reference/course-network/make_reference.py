#!/usr/bin/python3
"""The course's backpropagation network trained by its own loop, for CourseNetworkTests.

Run once here with Debian's numpy (/usr/bin/python3 make_reference.py; made with numpy 1.24.2); writes reference.json.

The functions are the Multivariate Calculus course's (week 5, "Backpropagation"): reset_network(n1, n2, random) draws
W1, W2, W3, b1, b2, b3 from random.randn(...)/2 in that order; plot_training(x, y, iterations, aggression, noise) runs
`while iterations >= 0`, i.e. iterations + 1 updates, each Jacobian multiplied by its own (1 + randn()*noise) drawn in
the order W1, W2, W3, b1, b2, b3 from the global np.random, all six computed before any update; the cost is printed when
the count (going down) is a multiple of 1000. Here the plotting is left out and the printed costs are recorded.

The noisy loop is chaotic: a change of 1e-14 in one weight grows to 6e-12 after 50 updates, 3e-7 after 300 and 2e-2
after 2,000 (seed 0/1, aggression 7, noise 1), so the cases are short (the noise-free loop at aggression 7 drifts too: 4e-5 after 2,001 updates); the one with
noise 0.5 is long enough to record the cost at the counts 1000 and 0.
"""
import json
import numpy as np

sigma = lambda z: 1 / (1 + np.exp(-z))
d_sigma = lambda z: np.cosh(z / 2) ** (-2) / 4


def reset_network(n1=6, n2=7, random=np.random):
    global W1, W2, W3, b1, b2, b3
    W1 = random.randn(n1, 1) / 2
    W2 = random.randn(n2, n1) / 2
    W3 = random.randn(2, n2) / 2
    b1 = random.randn(n1, 1) / 2
    b2 = random.randn(n2, 1) / 2
    b3 = random.randn(2, 1) / 2


def network_function(a0):
    z1 = W1 @ a0 + b1; a1 = sigma(z1)
    z2 = W2 @ a1 + b2; a2 = sigma(z2)
    z3 = W3 @ a2 + b3; a3 = sigma(z3)
    return a0, z1, a1, z2, a2, z3, a3


def cost(x, y):
    return np.linalg.norm(network_function(x)[-1] - y) ** 2 / x.size


def J_W3(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    J = 2 * (a3 - y); J = J * d_sigma(z3); return J @ a2.T / x.size


def J_b3(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    J = 2 * (a3 - y); J = J * d_sigma(z3); return np.sum(J, axis=1, keepdims=True) / x.size


def J_W2(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    J = 2 * (a3 - y); J = J * d_sigma(z3); J = (J.T @ W3).T; J = J * d_sigma(z2); return J @ a1.T / x.size


def J_b2(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    J = 2 * (a3 - y); J = J * d_sigma(z3); J = (J.T @ W3).T; J = J * d_sigma(z2)
    return np.sum(J, axis=1, keepdims=True) / x.size


def J_W1(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    J = 2 * (a3 - y); J = J * d_sigma(z3); J = (J.T @ W3).T; J = J * d_sigma(z2); J = (J.T @ W2).T; J = J * d_sigma(z1)
    return J @ a0.T / x.size


def J_b1(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    J = 2 * (a3 - y); J = J * d_sigma(z3); J = (J.T @ W3).T; J = J * d_sigma(z2); J = (J.T @ W2).T; J = J * d_sigma(z1)
    return np.sum(J, axis=1, keepdims=True) / x.size


def training_data(N=100):
    x = np.arange(0, 1, 1 / N)
    y = np.array([16 * np.sin(2 * np.pi * x) ** 3,
                  13 * np.cos(2 * np.pi * x) - 5 * np.cos(2 * 2 * np.pi * x) - 2 * np.cos(3 * 2 * np.pi * x) - np.cos(4 * 2 * np.pi * x)]) / 20
    y = (y + 1) / 2
    return np.reshape(x, (1, N)), y


def training(x, y, iterations, aggression, noise):
    global W1, W2, W3, b1, b2, b3
    costs = []
    while iterations >= 0:
        j_W1 = J_W1(x, y) * (1 + np.random.randn() * noise)
        j_W2 = J_W2(x, y) * (1 + np.random.randn() * noise)
        j_W3 = J_W3(x, y) * (1 + np.random.randn() * noise)
        j_b1 = J_b1(x, y) * (1 + np.random.randn() * noise)
        j_b2 = J_b2(x, y) * (1 + np.random.randn() * noise)
        j_b3 = J_b3(x, y) * (1 + np.random.randn() * noise)
        W1 = W1 - j_W1 * aggression; W2 = W2 - j_W2 * aggression; W3 = W3 - j_W3 * aggression
        b1 = b1 - j_b1 * aggression; b2 = b2 - j_b2 * aggression; b3 = b3 - j_b3 * aggression
        if iterations % 1000 == 0:
            costs.append([iterations, cost(x, y)])
        iterations -= 1
    return costs


def params():
    return {k: v.tolist() for k, v in zip(["W1", "W2", "W3", "b1", "b2", "b3"], [W1, W2, W3, b1, b2, b3])}


x, y = training_data()
cases = []
for reset_seed, n1, n2, noise_seed, iterations, aggression, noise in [
        (0, 6, 7, 1, 40, 7, 1), (42, 6, 7, 5, 1200, 7, 0.5), (3, 50, 50, 7, 12, 3.5, 1), (1, 6, 7, 0, 300, 7, 0)]:
    reset_network(n1, n2, random=np.random.RandomState(reset_seed))
    initial = params()
    np.random.seed(noise_seed)
    costs = training(x, y, iterations, aggression, noise)
    cases.append({"reset_seed": reset_seed, "n1": n1, "n2": n2, "noise_seed": noise_seed, "iterations": iterations,
                  "aggression": aggression, "noise": noise, "initial": initial, "final": params(), "costs": costs,
                  "final_cost": cost(x, y)})
json.dump({"cases": cases}, open("reference.json", "w"))
for c in cases:
    print(c["reset_seed"], c["iterations"], c["costs"], c["final_cost"])
