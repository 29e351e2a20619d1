using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>Result of <see cref="PowerIteration.Dominant"/>.</summary>
/// <param name="Eigenvalue">The Rayleigh quotient xᵀ·A·x of the final unit vector x.</param>
/// <param name="Eigenvector">The final unit vector x, sign-normalised so its largest-magnitude component is positive.</param>
/// <param name="Iterations">Number of multiply-and-normalise steps taken.</param>
/// <param name="Converged">Whether successive vectors agreed within the tolerance before the iteration limit.</param>
public sealed record PowerIterationResult(double Eigenvalue, Vector Eigenvector, int Iterations, bool Converged);

/// <summary>
/// The power method, as the course teaches it: repeatedly multiply a vector by A and normalise it,
/// x_{t+1} = A·x_t / ‖A·x_t‖. If A has one eigenvalue of largest magnitude, x_t turns towards its eigenvector, the error
/// shrinking by the factor |λ₂/λ₁| per step (Golub and Van Loan, Matrix Computations, 4th ed., §8.2.1).
/// </summary>
/// <remarks>
/// Each step costs one matrix-vector product (2n² flops). The vector is sign-normalised after every step (largest-magnitude
/// component positive), so a negative dominant eigenvalue does not make the iterates flip; the iteration stops when
/// ‖x_{t+1} − x_t‖ ≤ tolerance. For all eigenpairs of a symmetric matrix use <see cref="SymmetricEigen"/>.
/// </remarks>
public static class PowerIteration
{
    /// <summary>Estimates the dominant eigenpair of the square matrix <paramref name="a"/>.</summary>
    /// <param name="a">A square matrix.</param>
    /// <param name="start">The starting vector (need not be unit); by default a fixed vector with all components non-zero.</param>
    /// <param name="tolerance">Stop when successive unit vectors differ by at most this (2-norm).</param>
    /// <param name="maxIterations">Upper limit on the number of steps.</param>
    /// <exception cref="DimensionMismatchException">A is not square, or the start vector's length is not n.</exception>
    /// <exception cref="ArgumentException">A holds NaN or ±∞, or the start vector is zero or not finite.</exception>
    public static PowerIterationResult Dominant(Matrix a, Vector? start = null, double tolerance = 1e-12, int maxIterations = 10000)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxIterations);
        Finite.Require(a, nameof(a));
        int n = a.Rows;
        if (start is not null && start.Length != n)
            throw new DimensionMismatchException($"The start vector has length {start.Length}, expected {n}.", nameof(start));

        var x = start ?? DefaultStart(n);
        double norm = x.Norm();
        if (!double.IsFinite(norm) || norm == 0)
            throw new ArgumentException("The start vector must be finite and non-zero.", nameof(start));
        x = SignNormalized(x / norm);

        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            var y = a * x;
            double length = y.Norm();
            // A·x = 0: x is an eigenvector for the eigenvalue 0.
            if (length == 0) return new PowerIterationResult(0, x, iteration, true);
            var next = SignNormalized(y / length);
            double change = (next - x).Norm();
            x = next;
            if (change <= tolerance) return new PowerIterationResult(RayleighQuotient(a, x), x, iteration, true);
        }

        return new PowerIterationResult(RayleighQuotient(a, x), x, maxIterations, false);
    }

    /// <summary>xᵀ·A·x for a unit vector x.</summary>
    private static double RayleighQuotient(Matrix a, Vector x) => x.Dot(a * x);

    private static Vector SignNormalized(Vector x)
    {
        return SignConvention.NeedsFlip(x.AsSpan()) ? -x : x;
    }

    /// <summary>x_i = 1 + frac(i·φ)/2 (φ the golden ratio): positive, distinct components, so symmetry cannot hide the dominant direction.</summary>
    private static Vector DefaultStart(int n)
    {
        var x = new Vector(n);
        for (int i = 0; i < n; i++) x[i] = 1 + 0.5 * ((i * 0.6180339887498949) % 1.0);
        return x;
    }
}
