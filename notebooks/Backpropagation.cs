#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Multivariate Calculus, week 5 assignment: backpropagation, and a network that learns to draw a curve.
// Run with: dotnet run notebooks/Backpropagation.cs   (writes backpropagation-curve.png to the current folder)
//
// The network has layer sizes 1 → 6 → 7 → 2. Its input is the distance t travelled along a closed curve, its output the
// point (x, y) there. Each layer computes z⁽ⁿ⁾ = W⁽ⁿ⁾a⁽ⁿ⁻¹⁾ + b⁽ⁿ⁾ and a⁽ⁿ⁾ = σ(z⁽ⁿ⁾) with σ(z) = 1/(1 + e^(−z)).
// The cost is C = ‖a⁽³⁾ − y‖² / N over the N training points. The chain rule gives its Jacobians layer by layer:
//   ∂C/∂W⁽³⁾ = (2(a⁽³⁾ − y) ⊙ σ'(z⁽³⁾)) a⁽²⁾ᵀ / N        ∂C/∂b⁽³⁾: the same, summed over the examples instead of × a⁽²⁾ᵀ
//   ∂C/∂W⁽²⁾ = (W⁽³⁾ᵀ(2(a⁽³⁾ − y) ⊙ σ'(z⁽³⁾)) ⊙ σ'(z⁽²⁾)) a⁽¹⁾ᵀ / N, and so on: each earlier layer multiplies by Wᵀ and σ' once more.
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using MathForML.Plots;

var (x, y) = CurveData.CourseTrainingData();   // the course's training_data(): 100 points of the heart, t = 0 … 0.99
var network = new CourseNetwork(seed: 1);
Console.WriteLine($"σ'(0) = {CourseNetwork.DSigma(0)} (= σ(0)(1 − σ(0)) = 0.25)");
Console.WriteLine($"Cost of the untrained network: {network.Cost(x, y):F4}");

// Check one Jacobian entry against a finite difference, as the course's tests do.
double h = 1e-6, saved = network.W2[3, 2];
network.W2[3, 2] = saved + h;
double up = network.Cost(x, y);
network.W2[3, 2] = saved - h;
double down = network.Cost(x, y);
network.W2[3, 2] = saved;
Console.WriteLine($"∂C/∂W2[3,2]: chain rule {network.JW2(x, y)[3, 2]:E6}, finite difference {(up - down) / (2 * h):E6}");

// Steepest descent: every parameter moves by −aggression × its Jacobian.
var training = network.Train(x, y, iterations: 50_000, aggression: 7, recordEvery: 10_000);
foreach (var (iteration, cost) in training.Costs) Console.WriteLine($"  after {iteration,6:N0} steps: cost {cost:F5}");
Console.WriteLine($"Final cost {training.FinalCost:F5} (the course asks for < 0.005)");

// Draw the network's curve over the training points (MathForML.Plots draws it for the CLI and the tour too).
TrainingPlots.CourseCurve(network, y, training).Save("backpropagation-curve.png");
Console.WriteLine("Wrote backpropagation-curve.png");
