using MathForML.LinearAlgebra;
using MathForML.Numerics;
using MathForML.Randomness;

namespace MathForML.NeuralNetworks;

/// <summary>
/// The course's network (Multivariate Calculus, week 5 assignment, "Backpropagation"): layer sizes 1 → 6 → 7 → 2,
/// every neuron σ(z) = 1/(1 + e^(−z)), written exactly as the course writes it so it can be read next to the slides.
/// Training examples are the <em>columns</em> of x (1×N) and y (2×N).
/// </summary>
/// <remarks>
/// Forward: a⁽⁰⁾ = x, z⁽ⁿ⁾ = W⁽ⁿ⁾a⁽ⁿ⁻¹⁾ + b⁽ⁿ⁾, a⁽ⁿ⁾ = σ(z⁽ⁿ⁾). Cost C = ‖a⁽³⁾ − y‖² / N.
/// Backward, by the chain rule, with δ⁽³⁾ = 2(a⁽³⁾ − y) ⊙ σ'(z⁽³⁾) and δ⁽ⁿ⁾ = (W⁽ⁿ⁺¹⁾ᵀ δ⁽ⁿ⁺¹⁾) ⊙ σ'(z⁽ⁿ⁾):
/// ∂C/∂W⁽ⁿ⁾ = δ⁽ⁿ⁾ a⁽ⁿ⁻¹⁾ᵀ / N and ∂C/∂b⁽ⁿ⁾ = Σ over examples of δ⁽ⁿ⁾ / N. σ'(z) = σ(z)(1 − σ(z)) = 1/(4 cosh²(z/2)).
/// </remarks>
public sealed class CourseNetwork
{
    /// <summary>A network with weights and biases drawn from N(0, 1) / 2, as the course's <c>reset_network</c>.</summary>
    public CourseNetwork(ulong seed = 1, int n1 = 6, int n2 = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n2, 1);
        var random = new SeededRandom(seed);
        W1 = Draw(ref random, n1, 1);
        W2 = Draw(ref random, n2, n1);
        W3 = Draw(ref random, 2, n2);
        B1 = Draw(ref random, n1, 1);
        B2 = Draw(ref random, n2, 1);
        B3 = Draw(ref random, 2, 1);
    }

    /// <summary>
    /// A network drawn exactly as the course's <c>reset_network(n1, n2, random=RandomState(seed))</c>:
    /// W1 = randn(n1, 1)/2, W2 = randn(n2, n1)/2, W3 = randn(2, n2)/2, b1, b2, b3 likewise, in that order, from
    /// <paramref name="random"/> (NumPy's legacy generator, bit for bit), so the same seed gives the course's weights.
    /// </summary>
    public CourseNetwork(NumPyRandom random, int n1 = 6, int n2 = 7)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(n1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n2, 1);
        W1 = random.Randn(n1, 1) / 2;
        W2 = random.Randn(n2, n1) / 2;
        W3 = random.Randn(2, n2) / 2;
        B1 = random.Randn(n1, 1) / 2;
        B2 = random.Randn(n2, 1) / 2;
        B3 = random.Randn(2, 1) / 2;
    }

    /// <summary>Weights of layer 1 (n1×1), 2 (n2×n1) and 3 (2×n2).</summary>
    public Matrix W1 { get; set; }

    /// <inheritdoc cref="W1"/>
    public Matrix W2 { get; set; }

    /// <inheritdoc cref="W1"/>
    public Matrix W3 { get; set; }

    /// <summary>Biases of layer 1 (n1×1), 2 (n2×1) and 3 (2×1), as columns.</summary>
    public Matrix B1 { get; set; }

    /// <inheritdoc cref="B1"/>
    public Matrix B2 { get; set; }

    /// <inheritdoc cref="B1"/>
    public Matrix B3 { get; set; }

    /// <summary>σ(z) = 1/(1 + e^(−z)).</summary>
    public static double Sigma(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>σ'(z) = 1/(4 cosh²(z/2)), the course's form of σ(1 − σ).</summary>
    public static double DSigma(double z)
    {
        double c = Math.Cosh(z / 2);
        return 1 / (4 * c * c);
    }

    /// <summary>The forward pass a⁽⁰⁾, z⁽¹⁾, a⁽¹⁾, z⁽²⁾, a⁽²⁾, z⁽³⁾, a⁽³⁾ for the columns of <paramref name="a0"/>.</summary>
    public CourseActivations Forward(Matrix a0)
    {
        if (a0.Rows != 1) throw new DimensionMismatchException($"The input must be 1×N (one example a column), found {a0.Rows}×{a0.Columns}.", nameof(a0));
        var z1 = AddColumn(W1 * a0, B1);
        var a1 = Map(z1, Sigma);
        var z2 = AddColumn(W2 * a1, B2);
        var a2 = Map(z2, Sigma);
        var z3 = AddColumn(W3 * a2, B3);
        var a3 = Map(z3, Sigma);
        return new CourseActivations(a0, z1, a1, z2, a2, z3, a3);
    }

    /// <summary>C = ‖a⁽³⁾ − y‖² / N.</summary>
    public double Cost(Matrix x, Matrix y)
    {
        CheckData(x, y);
        double norm = (Forward(x).A3 - y).FrobeniusNorm();
        return norm * norm / x.Columns;
    }

    /// <summary>∂C/∂W⁽³⁾ = (2(a⁽³⁾ − y) ⊙ σ'(z⁽³⁾)) a⁽²⁾ᵀ / N.</summary>
    public Matrix JW3(Matrix x, Matrix y)
    {
        var f = ForwardChecked(x, y);
        var j = Hadamard(2 * (f.A3 - y), Map(f.Z3, DSigma));
        return j.TimesTranspose(f.A2) / x.Columns;
    }

    /// <summary>∂C/∂b⁽³⁾ = Σ over examples of 2(a⁽³⁾ − y) ⊙ σ'(z⁽³⁾), / N.</summary>
    public Matrix Jb3(Matrix x, Matrix y)
    {
        var f = ForwardChecked(x, y);
        var j = Hadamard(2 * (f.A3 - y), Map(f.Z3, DSigma));
        return RowSums(j) / x.Columns;
    }

    /// <summary>∂C/∂W⁽²⁾: one step further back, through W⁽³⁾ᵀ and σ'(z⁽²⁾), times a⁽¹⁾ᵀ / N.</summary>
    public Matrix JW2(Matrix x, Matrix y)
    {
        var f = ForwardChecked(x, y);
        var j = Hadamard(2 * (f.A3 - y), Map(f.Z3, DSigma));
        j = Hadamard(W3.TransposeTimes(j), Map(f.Z2, DSigma));
        return j.TimesTranspose(f.A1) / x.Columns;
    }

    /// <summary>∂C/∂b⁽²⁾.</summary>
    public Matrix Jb2(Matrix x, Matrix y)
    {
        var f = ForwardChecked(x, y);
        var j = Hadamard(2 * (f.A3 - y), Map(f.Z3, DSigma));
        j = Hadamard(W3.TransposeTimes(j), Map(f.Z2, DSigma));
        return RowSums(j) / x.Columns;
    }

    /// <summary>∂C/∂W⁽¹⁾: back through W⁽³⁾, W⁽²⁾ and their σ', times a⁽⁰⁾ᵀ / N.</summary>
    public Matrix JW1(Matrix x, Matrix y)
    {
        var f = ForwardChecked(x, y);
        var j = Hadamard(2 * (f.A3 - y), Map(f.Z3, DSigma));
        j = Hadamard(W3.TransposeTimes(j), Map(f.Z2, DSigma));
        j = Hadamard(W2.TransposeTimes(j), Map(f.Z1, DSigma));
        return j.TimesTranspose(f.A0) / x.Columns;
    }

    /// <summary>∂C/∂b⁽¹⁾.</summary>
    public Matrix Jb1(Matrix x, Matrix y)
    {
        var f = ForwardChecked(x, y);
        var j = Hadamard(2 * (f.A3 - y), Map(f.Z3, DSigma));
        j = Hadamard(W3.TransposeTimes(j), Map(f.Z2, DSigma));
        j = Hadamard(W2.TransposeTimes(j), Map(f.Z1, DSigma));
        return RowSums(j) / x.Columns;
    }

    /// <summary>All six Jacobians from one forward pass (what training uses; equal to the six methods above).</summary>
    public CourseGradients Gradients(Matrix x, Matrix y)
    {
        var f = ForwardChecked(x, y);
        double n = x.Columns;
        var d3 = Hadamard(2 * (f.A3 - y), Map(f.Z3, DSigma));
        var d2 = Hadamard(W3.TransposeTimes(d3), Map(f.Z2, DSigma));
        var d1 = Hadamard(W2.TransposeTimes(d2), Map(f.Z1, DSigma));
        return new CourseGradients(
            d1.TimesTranspose(f.A0) / n, RowSums(d1) / n,
            d2.TimesTranspose(f.A1) / n, RowSums(d2) / n,
            d3.TimesTranspose(f.A2) / n, RowSums(d3) / n);
    }

    /// <summary>
    /// Steepest descent, the course's training loop: every parameter p ← p − aggression · ∂C/∂p · (1 + noise·ε),
    /// with ε a standard normal draw per Jacobian and step (noise 0: plain steepest descent).
    /// </summary>
    /// <param name="x">Inputs, 1×N.</param>
    /// <param name="y">Targets, 2×N.</param>
    /// <param name="iterations">Steps (the course: about 50,000).</param>
    /// <param name="aggression">The step size (the course: 7).</param>
    /// <param name="noise">Relative noise on each step.</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <param name="recordEvery">Record the cost every this many steps.</param>
    /// <param name="progress">Receives a report whenever the cost is recorded: stage "steepest descent", the step as
    /// <see cref="WorkProgress.Step"/>, the cost C as <see cref="WorkProgress.Measure"/>, and the fraction of the steps done.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <exception cref="DimensionMismatchException">x is not 1×N or y is not 2×N.</exception>
    /// <exception cref="ArgumentException">The training set is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The step count is negative, recordEvery is below 1, or the aggression is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the network keeps the steps taken.</exception>
    public CourseTraining Train(Matrix x, Matrix y, int iterations = 50_000, double aggression = 7, double noise = 0,
        ulong seed = 1, int recordEvery = 1000, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckData(x, y);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        ArgumentOutOfRangeException.ThrowIfLessThan(recordEvery, 1);
        if (!(aggression > 0)) throw new ArgumentOutOfRangeException(nameof(aggression), aggression, "The aggression must be positive.");
        var random = new SeededRandom(seed, 1);
        var costs = new List<(int Iteration, double Cost)> { (0, Cost(x, y)) };
        cancellationToken.ThrowIfCancellationRequested();
        for (int i = 1; i <= iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var g = Gradients(x, y);
            W1 -= Step(g.W1, aggression, noise, ref random);
            B1 -= Step(g.B1, aggression, noise, ref random);
            W2 -= Step(g.W2, aggression, noise, ref random);
            B2 -= Step(g.B2, aggression, noise, ref random);
            W3 -= Step(g.W3, aggression, noise, ref random);
            B3 -= Step(g.B3, aggression, noise, ref random);
            if (i % recordEvery == 0 || i == iterations)
            {
                double cost = Cost(x, y);
                costs.Add((i, cost));
                progress?.Report(new WorkProgress("steepest descent", (double)i / iterations, i, cost));
            }
        }
        return new CourseTraining(costs);
    }

    /// <summary>
    /// The course's own training loop, <c>plot_training(x, y, iterations, aggression, noise)</c>, step for step:
    /// <c>while iterations &gt;= 0</c>, so <paramref name="iterations"/> + 1 updates; in each, the six Jacobians are
    /// computed first, each multiplied by its own (1 + noise·ε) with ε = <c>randn()</c> drawn from
    /// <paramref name="random"/> in the order W1, W2, W3, b1, b2, b3, and then every parameter p ← p − J̃·aggression.
    /// The cost is recorded where the course prints it, when the count going down is a multiple of 1,000; the
    /// recorded <see cref="CourseTraining.Costs"/> give the updates done so far (0 first, before any update).
    /// </summary>
    /// <remarks>
    /// With the same seeds this equals the course's numbers (<c>np.random.seed(s)</c> before the call) to rounding:
    /// <see cref="Train"/> differs from it by one update, draws its noise from <see cref="SeededRandom"/> and updates
    /// W1, b1, W2, … in layer order. Course defaults: 10,000 iterations, aggression 3.5, noise 1 (its runs use 7 for
    /// the 6–7 network).
    /// </remarks>
    /// <param name="x">Inputs, 1×N.</param>
    /// <param name="y">Targets, 2×N.</param>
    /// <param name="random">The course's global <c>np.random</c>: the noise draws.</param>
    /// <param name="iterations">The course's count; iterations + 1 updates are made.</param>
    /// <param name="aggression">The step size.</param>
    /// <param name="noise">Relative noise on each Jacobian (0: plain steepest descent, no draws).</param>
    /// <param name="progress">Receives a report at each recorded cost (stage "course training").</param>
    /// <param name="cancellationToken">Checked before every update.</param>
    public CourseTraining TrainAsCourse(Matrix x, Matrix y, NumPyRandom random, int iterations = 10_000, double aggression = 3.5,
        double noise = 1, IProgress<WorkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        CheckData(x, y);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(iterations);
        if (!(aggression > 0)) throw new ArgumentOutOfRangeException(nameof(aggression), aggression, "The aggression must be positive.");
        var costs = new List<(int Iteration, double Cost)> { (0, Cost(x, y)) };
        int total = iterations + 1;
        for (int count = iterations, done = 1; count >= 0; count--, done++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var g = Gradients(x, y);
            // The course draws the six factors even with noise 0 (randn()·0); so do we, to stay on its stream.
            double f1 = 1 + random.StandardNormal() * noise, f2 = 1 + random.StandardNormal() * noise, f3 = 1 + random.StandardNormal() * noise;
            double f4 = 1 + random.StandardNormal() * noise, f5 = 1 + random.StandardNormal() * noise, f6 = 1 + random.StandardNormal() * noise;
            W1 = CourseStep(W1, g.W1, f1, aggression);
            W2 = CourseStep(W2, g.W2, f2, aggression);
            W3 = CourseStep(W3, g.W3, f3, aggression);
            B1 = CourseStep(B1, g.B1, f4, aggression);
            B2 = CourseStep(B2, g.B2, f5, aggression);
            B3 = CourseStep(B3, g.B3, f6, aggression);
            if (count % 1000 == 0)
            {
                double cost = Cost(x, y);
                costs.Add((done, cost));
                progress?.Report(new WorkProgress("course training", (double)done / total, done, cost));
            }
        }

        return new CourseTraining(costs);
    }

    /// <summary>p − (J·factor)·aggression, element by element in the course's order of operations.</summary>
    private static Matrix CourseStep(Matrix p, Matrix jacobian, double factor, double aggression)
    {
        var r = new Matrix(p.Rows, p.Columns);
        var ps = p.AsSpan();
        var js = jacobian.AsSpan();
        var rs = r.AsSpan();
        for (int i = 0; i < rs.Length; i++) rs[i] = ps[i] - js[i] * factor * aggression;
        return r;
    }

    private static Matrix Step(Matrix jacobian, double aggression, double noise, ref SeededRandom random)
    {
        double factor = noise == 0 ? aggression : aggression * (1 + noise * random.NextGaussian());
        return factor * jacobian;
    }

    private CourseActivations ForwardChecked(Matrix x, Matrix y)
    {
        CheckData(x, y);
        return Forward(x);
    }

    private static void CheckData(Matrix x, Matrix y)
    {
        if (x.Rows != 1) throw new DimensionMismatchException($"x must be 1×N (one example a column), found {x.Rows}×{x.Columns}.", nameof(x));
        if (y.Rows != 2 || y.Columns != x.Columns)
            throw new DimensionMismatchException($"y must be 2×{x.Columns} to match x, found {y.Rows}×{y.Columns}.", nameof(y));
        if (x.Columns == 0) throw new ArgumentException("The training set is empty.", nameof(x));
    }

    private static Matrix Draw(ref SeededRandom random, int rows, int columns)
    {
        var m = new Matrix(rows, columns);
        var span = m.AsSpan();
        for (int i = 0; i < span.Length; i++) span[i] = random.NextGaussian() / 2;
        return m;
    }

    private static Matrix Map(Matrix m, Func<double, double> f)
    {
        var r = new Matrix(m.Rows, m.Columns);
        var source = m.AsSpan();
        var target = r.AsSpan();
        for (int i = 0; i < source.Length; i++) target[i] = f(source[i]);
        return r;
    }

    private static Matrix Hadamard(Matrix a, Matrix b)
    {
        var r = a.Clone();
        System.Numerics.Tensors.TensorPrimitives.Multiply(r.AsSpan(), b.AsSpan(), r.AsSpan());
        return r;
    }

    private static Matrix AddColumn(Matrix m, Matrix column)
    {
        var r = m.Clone();
        for (int i = 0; i < r.Rows; i++)
            System.Numerics.Tensors.TensorPrimitives.Add(r.RowSpan(i), column[i, 0], r.RowSpan(i));
        return r;
    }

    private static Matrix RowSums(Matrix m)
    {
        var r = new Matrix(m.Rows, 1);
        for (int i = 0; i < m.Rows; i++) r[i, 0] = System.Numerics.Tensors.TensorPrimitives.Sum<double>(m.RowSpan(i));
        return r;
    }
}
