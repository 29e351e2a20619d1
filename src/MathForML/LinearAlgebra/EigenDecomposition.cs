using System.Numerics;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>
/// Eigenvalues and eigenvectors of a general real square matrix, Avⱼ = λⱼvⱼ, where complex conjugate pairs occur.
/// </summary>
/// <remarks>
/// Algorithm: Householder reduction to upper Hessenberg form, Francis implicit double-shift QR to the real Schur
/// form A = ZTZᵀ, a unitary 2×2 rotation per complex block to the complex Schur form A = USUᴴ, and back substitution
/// on S for the eigenvectors (Golub &amp; Van Loan, Matrix Computations 4th ed., §7.4–7.6; EISPACK orthes/hqr2,
/// LAPACK dgehrd/dhseqr/dtrevc). Cost O(n³) (about 25n³ flops with eigenvectors).
/// Conventions (DESIGN.md): eigenvalues in descending order of magnitude (of a conjugate pair, the one with positive
/// imaginary part first; among equal magnitudes, larger real part first); eigenvector j has unit 2-norm and is scaled
/// by a unit complex number so that its largest-magnitude component is real and positive; for a real eigenvalue the
/// eigenvector is real. For symmetric matrices SymmetricEigen is faster and more accurate.
/// </remarks>
public sealed class EigenDecomposition
{
    /// <summary>The smallest positive normal double, 2⁻¹⁰²² (LAPACK dlamch('S'), the "safe minimum").</summary>
    private const double SmallestNormal = 2.2250738585072014e-308;

    private readonly Complex[][] _vectors;

    private EigenDecomposition(Complex[] values, Complex[][] vectors)
    {
        Eigenvalues = values;
        _vectors = vectors;
    }

    /// <summary>Decomposes the square matrix <paramref name="a"/>.</summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="ArgumentException">A has NaN or infinite entries.</exception>
    /// <exception cref="ArithmeticException">The QR iteration did not converge (in practice: never for finite input).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked once per
    /// Householder step of the reduction and once per QR sweep).</exception>
    public static EigenDecomposition Decompose(Matrix a, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        Finite.Require(a, nameof(a));
        int n = a.Rows;
        var t = a.Clone();
        var z = HessenbergReduction.Reduce(t, cancellationToken);
        if (!RealSchur.Compute(t, z, cancellationToken))
            throw new ArithmeticException($"The QR algorithm did not converge for this {n}×{n} matrix.");
        var (s, u) = ComplexSchur.FromRealSchur(t, z);
        // Zero pivots of the back substitution are replaced by ε·max|aᵢⱼ|, but never by less than LAPACK dtrevc's
        // smlnum = safe minimum·n/ε (double.Epsilon, the smallest subnormal, would underflow to 0 and give 0/0 = NaN).
        double small = Math.Max(a.MaxAbs() * MachineEpsilon.Double, SmallestNormal * n / MachineEpsilon.Double);
        var pairs = new (Complex Value, Complex[] Vector)[n];
        for (int k = 0; k < n; k++)
        {
            if (k == n - 1 || t[k + 1, k] == 0)
            {
                // A 1×1 block of T: a real eigenvalue with a real eigenvector.
                var vector = ComplexSchur.Eigenvector(s, u, n, k, small);
                Normalize(vector, real: true);
                pairs[k] = (new Complex(t[k, k], 0), vector);
                continue;
            }
            // A 2×2 block [[a, b], [c, d]] of T holds a conjugate pair re ± i·im; computing both from the block in
            // real arithmetic makes them exact conjugates, and so are their eigenvectors.
            double a11 = t[k, k], b12 = t[k, k + 1], c21 = t[k + 1, k], d22 = t[k + 1, k + 1];
            double half = 0.5 * (a11 - d22);
            double im = Math.Sqrt(Math.Max(0, -(half * half + b12 * c21)));
            double re = 0.5 * (a11 + d22);
            int upper = s[k * n + k].Imaginary > 0 ? k : k + 1;
            var v = ComplexSchur.Eigenvector(s, u, n, upper, small);
            Normalize(v, real: false);
            pairs[k] = (new Complex(re, im), v);
            pairs[k + 1] = (new Complex(re, -im), v.Select(Complex.Conjugate).ToArray());
            k++;
        }
        double scale = Math.Max(1, a.MaxAbs());
        var order = pairs.Order(Comparer<(Complex Value, Complex[] Vector)>.Create((x, y) => CompareEigenvalues(x.Value, y.Value, scale))).ToArray();
        return new EigenDecomposition(order.Select(p => p.Value).ToArray(), order.Select(p => p.Vector).ToArray());
    }

    /// <summary>The eigenvalues, in descending order of magnitude.</summary>
    public IReadOnlyList<Complex> Eigenvalues { get; }

    /// <summary>Size n of the n×n matrix.</summary>
    public int Size => Eigenvalues.Count;

    /// <summary>True when every eigenvalue is real (no complex pair).</summary>
    public bool IsReal => Eigenvalues.All(v => v.Imaginary == 0);

    /// <summary>The unit eigenvector for eigenvalue <paramref name="j"/>.</summary>
    public IReadOnlyList<Complex> Eigenvector(int j) => _vectors[j];

    /// <summary>
    /// The eigenvectors as the columns of a real matrix, when <see cref="IsReal"/>; throws otherwise
    /// (use <see cref="Eigenvector"/> for complex ones).
    /// </summary>
    public Matrix RealEigenvectors()
    {
        if (!IsReal) throw new InvalidOperationException("The matrix has complex eigenvalues; read the eigenvectors with Eigenvector(j).");
        var m = new Matrix(Size, Size);
        for (int j = 0; j < Size; j++)
            for (int i = 0; i < Size; i++) m[i, j] = _vectors[j][i].Real;
        return m;
    }

    /// <summary>Descending magnitude, then descending real part, then descending imaginary part; differences below 1e-12·scale count as ties.</summary>
    private static int CompareEigenvalues(Complex x, Complex y, double scale)
    {
        double tol = 1e-12 * scale;
        if (Math.Abs(x.Magnitude - y.Magnitude) > tol) return y.Magnitude.CompareTo(x.Magnitude);
        if (Math.Abs(x.Real - y.Real) > tol) return y.Real.CompareTo(x.Real);
        return y.Imaginary.CompareTo(x.Imaginary);
    }

    private static void Normalize(Complex[] v, bool real)
    {
        int best = 0;
        for (int i = 1; i < v.Length; i++)
            if (v[i].Magnitude > v[best].Magnitude * (1 + 1e-12)) best = i;
        var phase = Complex.Conjugate(v[best]) / v[best].Magnitude;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= phase;
            if (real) v[i] = new Complex(v[i].Real, 0);
        }
        if (real)
        {
            double norm = Math.Sqrt(v.Sum(x => x.Real * x.Real));
            for (int i = 0; i < v.Length; i++) v[i] /= norm;
        }
        v[best] = new Complex(v[best].Real, 0);
    }
}
