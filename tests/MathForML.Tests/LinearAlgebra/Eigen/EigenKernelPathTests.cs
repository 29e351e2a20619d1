using MathForML.Kernels;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Tests.Kernels;

namespace MathForML.Tests.LinearAlgebra.Eigen;

/// <summary>The symmetric eigensolver's internals give the same results, to rounding, on every kernel path the processor runs.</summary>
public class EigenKernelPathTests
{
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void TridiagonalizationAgreesWithTheScalarPath(int pathNumber)
    {
        int n = 37;
        var random = new Random(1);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = random.NextDouble() - 0.5;
        var (expected, actual) = (Reduce(a, n, KernelPath.Scalar), Reduce(a, n, (KernelPath)pathNumber));
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }

    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void GivensSequenceAgreesWithTheScalarPath(int pathNumber)
    {
        int rows = 40, columns = 150;   // two threads, full 64-column strips (swept on 512-bit) and a partial one
        var random = new Random(2);
        var rotations = new GivensSequence();
        for (int sweep = 0; sweep < 5; sweep++)
            for (int i = rows - 2; i >= 0; i--)
            {
                double theta = random.NextDouble() * 6;
                rotations.Add(i, Math.Cos(theta), Math.Sin(theta));
            }

        var x0 = KernelTestData.Uniform(random, rows * columns);
        var (expected, actual) = ((double[])x0.Clone(), (double[])x0.Clone());
        rotations.ApplyToRows(expected, columns, KernelPath.Scalar);
        rotations.ApplyToRows(actual, columns, (KernelPath)pathNumber);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12);
        rotations.ApplyTransposeInReverse(actual, columns, (KernelPath)pathNumber);
        for (int i = 0; i < x0.Length; i++) Assert.Equal(x0[i], actual[i], 1e-12);
    }

    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void SecularEquationAgreesWithTheScalarPath(int pathNumber)
    {
        int k = 29;
        var random = new Random(3);
        var d = Enumerable.Range(0, k).Select(i => i + random.NextDouble() * 0.5).ToArray();
        var z = KernelTestData.Uniform(random, k, 0.1, 1);
        var (lambda0, u0, lambda, u) = (new double[k], new double[k * k], new double[k], new double[k * k]);
        SecularEquation.Solve(d, z, 0.7, lambda0, u0, KernelPath.Scalar);
        SecularEquation.Solve(d, z, 0.7, lambda, u, (KernelPath)pathNumber);
        for (int i = 0; i < k; i++) Assert.Equal(lambda0[i], lambda[i], 1e-12);
        for (int i = 0; i < k * k; i++) Assert.Equal(Math.Abs(u0[i]), Math.Abs(u[i]), 1e-10);
    }

    /// <summary>
    /// The boundary rows of the values-only merge against the full solve's eigenvector matrix: newFirst = fᵀU and
    /// newLast = lᵀU, the roots the same, on every path and on both sides of the two-thread size (256).
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelTestData.PathNumbers), MemberType = typeof(KernelTestData))]
    public void SecularBoundaryRowsAreThoseOfTheEigenvectorMatrix(int pathNumber)
    {
        var path = (KernelPath)pathNumber;
        foreach (int k in new[] { 1, 2, 29, 300 })
        {
            var random = new Random(k);
            var d = Enumerable.Range(0, k).Select(i => i + random.NextDouble() * 0.5).ToArray();
            var z = KernelTestData.Uniform(random, k, 0.1, 1);
            var first = KernelTestData.Uniform(random, k);
            var last = KernelTestData.Uniform(random, k);
            var (lambda0, u) = (new double[k], new double[k * k]);
            SecularEquation.Solve(d, z, 0.7, lambda0, u, KernelPath.Scalar);
            var (lambda, newFirst, newLast) = (new double[k], new double[k], new double[k]);
            SecularEquation.SolveBoundaryRows(d, z, 0.7, first, last, lambda, newFirst, newLast, path);
            for (int i = 0; i < k; i++)
            {
                double f = 0, l = 0;
                for (int j = 0; j < k; j++)
                {
                    f += first[j] * u[(j * k) + i];
                    l += last[j] * u[(j * k) + i];
                }

                Assert.Equal(lambda0[i], lambda[i], 1e-12);
                Assert.Equal(f, newFirst[i], 1e-11);
                Assert.Equal(l, newLast[i], 1e-11);
            }
        }
    }

    /// <summary>The diagonal, off-diagonal, reflectors and τ, one after another.</summary>
    private static double[] Reduce(double[] a, int n, KernelPath path)
    {
        var (diagonal, off, reflectors, tau) = (new double[n], new double[n - 1], new double[n * n], new double[n]);
        HouseholderTridiagonalization.Reduce((double[])a.Clone(), n, diagonal, off, reflectors, tau, path);
        return [.. diagonal, .. off, .. reflectors, .. tau];
    }
}
