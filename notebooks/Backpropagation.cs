#:project ../src/MathForML/MathForML.csproj
#:project ../src/MathForML.Plots/MathForML.Plots.csproj
// Multivariate Calculus, week 5 assignment: backpropagation, and a network that learns to draw a curve.
// Run with: dotnet run notebooks/Backpropagation.cs [OUTPUT_DIR]   (writes backpropagation-curve.png; default: a temp folder)
//
// The assignment step by step, in its order, each step calling the library's version of the course's function:
//   the algorithm: src/MathForML/NeuralNetworks/CourseNetwork.cs (sigma, d_sigma, reset_network, network_function,
//   cost, J_W3 … J_b1, plot_training's loop), the data: src/MathForML/NeuralNetworks/CurveData.cs (training_data),
//   the random numbers: src/MathForML/Randomness/NumPyRandom.cs (np.random's legacy generator, bit for bit).
//
// The network has layer sizes 1 → 6 → 7 → 2. Its input is the distance t travelled along a closed curve, its output the
// point (x, y) there. Each layer computes z⁽ⁿ⁾ = W⁽ⁿ⁾a⁽ⁿ⁻¹⁾ + b⁽ⁿ⁾ and a⁽ⁿ⁾ = σ(z⁽ⁿ⁾) with σ(z) = 1/(1 + e^(−z)).
// The cost is C = ‖a⁽³⁾ − y‖² / N over the N training points. The chain rule gives its Jacobians layer by layer:
//   ∂C/∂W⁽³⁾ = (2(a⁽³⁾ − y) ⊙ σ'(z⁽³⁾)) a⁽²⁾ᵀ / N        ∂C/∂b⁽³⁾: the same, summed over the examples instead of × a⁽²⁾ᵀ
//   ∂C/∂W⁽²⁾ = (W⁽³⁾ᵀ(2(a⁽³⁾ − y) ⊙ σ'(z⁽³⁾)) ⊙ σ'(z⁽²⁾)) a⁽¹⁾ᵀ / N, and so on: each earlier layer multiplies by Wᵀ and σ' once more.
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using MathForML.Plots;
using MathForML.Randomness;

var dir = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("mml-notebook-").FullName;
Directory.CreateDirectory(dir);

// 1. The activation and its derivative: σ'(z) = cosh(z/2)⁻²/4, the course's d_sigma.
Console.WriteLine($"1. sigma(0) = {CourseNetwork.Sigma(0)}, d_sigma(0) = {CourseNetwork.DSigma(0)} (course: 0.5 and 0.25)");

// 2. training_data(): the heart curve, 100 points; the course's first columns.
var (x, y) = CurveData.CourseTrainingData();
Console.WriteLine($"2. training_data(): x is {x.Rows}×{x.Columns}, y is {y.Rows}×{y.Columns}; y[:,0] = [{y[0, 0]}, {y[1, 0]}] (course: [0.5, 0.625]), "
    + $"y[:,25] = [{y[0, 25]:G6}, {y[1, 25]:G6}] (course: [0.9, 0.6])");

// 3. reset_network(n1=6, n2=7, random=np.random.RandomState(1)): the weights the course's seed gives.
var network = new CourseNetwork(new NumPyRandom(1), n1: 6, n2: 7);
Console.WriteLine($"3. reset_network(6, 7, RandomState(1)): W1[0,0] = {network.W1[0, 0]:R}, b3[1,0] = {network.B3[1, 0]:R}; cost {network.Cost(x, y):F6}");

// 4. The six Jacobians, each checked against a central difference of the cost, as the assignment's tests do.
Console.WriteLine("4. Jacobians by backpropagation against central differences (h = 1e-6):");
void Check(string name, Matrix parameter, Matrix jacobian, int r, int c)
{
    double h = 1e-6, saved = parameter[r, c];
    parameter[r, c] = saved + h;
    double up = network.Cost(x, y);
    parameter[r, c] = saved - h;
    double down = network.Cost(x, y);
    parameter[r, c] = saved;
    Console.WriteLine($"   {name}[{r},{c}]: chain rule {jacobian[r, c],14:E6}   finite difference {(up - down) / (2 * h),14:E6}");
}
Check("J_W3", network.W3, network.JW3(x, y), 1, 4);
Check("J_b3", network.B3, network.Jb3(x, y), 0, 0);
Check("J_W2", network.W2, network.JW2(x, y), 3, 2);
Check("J_b2", network.B2, network.Jb2(x, y), 5, 0);
Check("J_W1", network.W1, network.JW1(x, y), 2, 0);
Check("J_b1", network.B1, network.Jb1(x, y), 4, 0);

// 5. plot_training(x, y, iterations=10000, aggression=7, noise=1), the course's loop exactly (10,001 updates, each
//    Jacobian times its own 1 + randn()), then run again as a learner re-runs the cell, 4 times in all.
var random = new NumPyRandom(0);   // np.random.seed(0)
CourseTraining? last = null;
var costs = new List<(int Iteration, double Cost)>();
int done = 0;
for (int run = 1; run <= 4; run++)
{
    last = network.TrainAsCourse(x, y, random, iterations: 10_000, aggression: 7, noise: 1);
    foreach (var (iteration, cost) in last.Costs.Skip(run == 1 ? 0 : 1)) costs.Add((done + iteration, cost));
    done += 10_001;
    Console.WriteLine($"5. plot_training run {run}: {done,6:N0} updates in all, cost {last.FinalCost:F5}");
}
Console.WriteLine($"Final cost {costs[^1].Cost:F5} (the course asks for < 0.005)");

// Draw the network's curve over the training points (MathForML.Plots draws it for the CLI and the tour too).
var path = Path.Combine(dir, "backpropagation-curve.png");
TrainingPlots.CourseCurve(network, y, new CourseTraining(costs)).Save(path);
Console.WriteLine($"Wrote {path}");
