using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using MathForML.Kernels;
using MathForML.LinearAlgebra.Eigen;
using MathForML.Numerics;

namespace MathForML.LinearAlgebra;

/// <summary>Options of <see cref="SymmetricEigen.Decompose"/>.</summary>
public sealed record SymmetricEigenOptions
{
    /// <summary>
    /// When set, only the k largest eigenpairs are computed, and only those k vectors are back-transformed (4kn² flops
    /// instead of 4n³/3 + the tridiagonal eigenvector work). For k ≤ n/4 the eigenvalues of T come from dsterf and the k
    /// eigenvectors of T from inverse iteration (LAPACK dsyevx's dstein; O(kn)); above n/4, or when those vectors are
    /// not orthonormal to 1e-12, from replaying the QL rotations on k unit vectors. The tridiagonal reduction (4n³/3) is
    /// still done in full.
    /// </summary>
    public int? TopK { get; init; }

    /// <summary>Largest accepted |a_ij − a_ji| relative to max |a_ij|; larger asymmetry is rejected. Default 1e-10.</summary>
    public double SymmetryTolerance { get; init; } = 1e-10;

    /// <summary>
    /// Lets <see cref="SymmetricEigen.Values"/> reduce A in its own storage instead of a copy (scipy's
    /// <c>overwrite_a=True</c>): one n×n array less to allocate and touch, for a matrix the caller no longer needs.
    /// A's contents are then destroyed (scaled and overwritten by the reduction), even when the call throws after the
    /// symmetry check. Default false: A is left as it was.
    /// </summary>
    public bool OverwriteInput { get; init; }
}

/// <summary>
/// Eigendecomposition of a real symmetric matrix, A = V·Λ·Vᵀ, with V orthogonal (eigenvectors as columns) and Λ diagonal.
/// </summary>
/// <remarks>
/// <para>
/// Conventions: eigenvalues in descending order; column j of <see cref="Eigenvectors"/> pairs with eigenvalue j and is
/// sign-normalised so that its largest-magnitude component is positive (the first such component on ties).
/// Only the lower triangle of A is used once A has passed the symmetry check.
/// </para>
/// <para>
/// Algorithm (LAPACK dsyevd with dsytrd + dstedc + dormtr; Golub and Van Loan, Matrix Computations, 4th ed., §8.3–8.4):
/// A is scaled by a power of two to max |a_ij| ≈ 1, reduced to tridiagonal form T = QᵀAQ by Householder reflectors in
/// panels (<see cref="BlockedTridiagonalization"/>, dsytrd; <see cref="HouseholderTridiagonalization"/> below its
/// crossover), T = S·Λ·Sᵀ is solved by divide and conquer (<see cref="TridiagonalDivideConquer"/>), and the reflectors
/// are applied to Sᵀ in blocked compact-WY form through GEMM (<see cref="HouseholderBackTransformation"/>, dormtr):
/// the rows of Sᵀ·Qᵀ are the eigenvectors of A.
/// With <see cref="SymmetricEigenOptions.TopK"/>, T is instead diagonalised by the implicit QL iteration
/// (<see cref="TridiagonalQl"/>) and its recorded rotations are replayed on k unit vectors (<see cref="GivensSequence"/>).
/// Cost: 4n³/3 (reduction) + ≈ 4n³/3 (merges) + 2n³ (reflectors applied to Sᵀ) flops, all but half of the reduction in GEMM;
/// O(n²) memory.
/// Accuracy: backward stable, ‖A·v − λ·v‖ = O(ε‖A‖) and VᵀV = I to O(nε).
/// </para>
/// </remarks>
public sealed class SymmetricEigen
{
    private SymmetricEigen(Vector eigenvalues, Matrix eigenvectors, int dimension)
    {
        Eigenvalues = eigenvalues;
        Eigenvectors = eigenvectors;
        Dimension = dimension;
    }

    /// <summary>The eigenvalues λ_0 ≥ λ_1 ≥ … (all n, or the k largest with <see cref="SymmetricEigenOptions.TopK"/>).</summary>
    public Vector Eigenvalues { get; }

    /// <summary>The orthonormal eigenvectors as columns (n×n, or n×k with TopK); column j pairs with eigenvalue j.</summary>
    public Matrix Eigenvectors { get; }

    /// <summary>The order n of the decomposed matrix.</summary>
    public int Dimension { get; }

    /// <summary>V·Λ·Vᵀ: the original matrix (or, with TopK, its best rank-k approximation among the top eigenpairs).</summary>
    public Matrix Reconstruct()
    {
        var scaled = Eigenvectors.Clone();
        for (int i = 0; i < scaled.Rows; i++) TensorPrimitives.Multiply(scaled.RowSpan(i), Eigenvalues.AsSpan(), scaled.RowSpan(i));
        return scaled.TimesTranspose(Eigenvectors);
    }

    /// <summary>Decomposes the symmetric matrix <paramref name="a"/>.</summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="ArgumentException">A holds NaN or ±∞, or is not symmetric within the tolerance.</exception>
    /// <exception cref="ArgumentOutOfRangeException">TopK is outside 1 … n, or the tolerance is negative.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked between the phases).</exception>
    public static SymmetricEigen Decompose(Matrix a, SymmetricEigenOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        var (eigenvalues, rows, order) = DecomposeToRows(a.AsSpan(), a.Rows, options, mirrored: false, ordered: false, cancellationToken);
        int n = a.Rows, k = eigenvalues.Length;
        var vectors = LargeArray.Uninitialized<double>(n * k);   // the transpose writes every element
        if (order is null)
        {
            TransposeKernel.Transpose<double>(rows.AsSpan(0, k * n), k, n, vectors);
        }
        else
        {
            // Rows in T's order: the sign convention read off each row, then reorder, sign and transpose in one pass.
            var sign = new double[k];
            for (int q = 0; q < k; q++) sign[q] = SignConvention.NeedsFlip(rows.AsSpan(order[q] * n, n)) ? -1.0 : 1.0;
            TransposeKernel.TransposeRows(rows, order, sign, n, vectors);
        }

        WorkspacePool.Return(rows);
        return new SymmetricEigen(Vector.Wrap(eigenvalues), Matrix.Wrap(n, k, vectors), n);
    }

    /// <summary>The binary exponents of max |aᵢⱼ| for which <see cref="Values"/> reduces A unscaled: −256 … 256.</summary>
    internal const int ValuesUnscaledExponent = 256;

    /// <summary>
    /// The eigenvalues of the symmetric matrix <paramref name="a"/> only, descending (numpy's <c>eigvalsh</c>, LAPACK's
    /// dsyevd with jobz = 'N'): A reduced to tridiagonal T keeping no reflectors (A scaled only when max |aᵢⱼ| is outside
    /// 2^±256), then T's eigenvalues in O(n²): from order <see cref="TridiagonalDivideConquerValues.MinimumOrder"/> by
    /// divide and conquer carrying two rows of the eigenvectors (<see cref="TridiagonalDivideConquerValues"/>; 784: 5 ms
    /// against dsterf's 11), below it by the root-free QL/QR iteration (<see cref="TridiagonalValues"/>, dsterf). Below order
    /// <see cref="TwoStageTridiagonalization.MinimumOrder"/> the reduction is the one-stage Householder reduction of
    /// <see cref="Decompose"/> (4n³/3 flops, half of them in symmetric matrix-vector products); from it, the two-stage
    /// reduction dense → band → tridiagonal (LAPACK dsytrd_2stage), whose flops are in matrix-matrix products and an
    /// L1-resident bulge chase instead.
    /// </summary>
    /// <exception cref="DimensionMismatchException">A is not square.</exception>
    /// <exception cref="ArgumentException">A holds NaN or ±∞, or is not symmetric within the tolerance.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative (TopK is ignored: every value is computed).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked in the reduction).</exception>
    public static Vector Values(Matrix a, SymmetricEigenOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        options ??= new SymmetricEigenOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.SymmetryTolerance, nameof(options));
        int n = a.Rows;
        double maxAbs = CheckedMaxAbs(a.AsSpan(), n, options.SymmetryTolerance, mirrored: false);
        cancellationToken.ThrowIfCancellationRequested();
        if (maxAbs == 0) return new Vector(n);
        var work = options.OverwriteInput ? a.Storage : WorkspacePool.Rent(n * n, clear: false);
        if (!options.OverwriteInput) a.AsSpan().CopyTo(work);
        var values = ValuesInPlace(work, n, maxAbs, cancellationToken);
        if (!options.OverwriteInput) WorkspacePool.Return(work);
        return Vector.Wrap(values);
    }

    /// <summary>
    /// The eigenvalues, descending, of the symmetric n×n matrix in <paramref name="work"/>[0, n²) whose largest |aᵢⱼ| is
    /// <paramref name="maxAbs"/> (&gt; 0), destroying it: the work of <see cref="Values"/> once A is checked (finite and
    /// symmetric) and copied. Callers that built A exactly symmetric themselves (the Gram matrix of <see cref="GramSvd"/>) come here directly.
    /// </summary>
    internal static double[] ValuesInPlace(double[] work, int n, double maxAbs, CancellationToken cancellationToken)
    {
        // T alone (no reflectors kept). Between 2^-256 and 2^256 nothing the reduction squares can overflow or underflow
        // (LAPACK dsyev scales only outside about 1e±146) and dsterf scales T's blocks itself, so A is scaled only outside
        // that range: a pass over A saved.
        int exponent = Math.ILogB(maxAbs);
        double scale = Math.Abs(exponent) <= ValuesUnscaledExponent ? 1 : Math.ScaleB(1.0, exponent);
        if (scale != 1) TensorPrimitives.Multiply(work.AsSpan(0, n * n), 1 / scale, work.AsSpan(0, n * n));
        var d = new double[n];
        var e = new double[n];
        if (n >= TwoStageTridiagonalization.MinimumOrder) TwoStageTridiagonalization.ReduceValuesOnly(work, n, d, e, cancellationToken);
        else BlockedTridiagonalization.ReduceValuesOnly(work, n, d, e, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (n >= TridiagonalDivideConquerValues.MinimumOrder) TridiagonalDivideConquerValues.Compute(d, e, n);
        else TridiagonalValues.Compute(d, e, n);
        Array.Reverse(d);
        for (int i = 0; i < n; i++) d[i] *= scale;   // n values: a loop compiles faster than a vectorised operator runs
        return d;
    }

    /// <summary>
    /// The same decomposition with the eigenvectors as rows: Vᵀ (k×n row-major, row q pairs with eigenvalue q, both
    /// descending and sign-normalised as <see cref="Decompose"/>), for callers that want rows (PCA's components) and
    /// would otherwise transpose twice. The rows array comes from <see cref="WorkspacePool"/> and may be longer than
    /// k·n; give it back there.
    /// </summary>
    internal static (double[] Eigenvalues, double[] Rows) DecomposeToRows(Matrix a, SymmetricEigenOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        DimensionMismatchException.ThrowIfNotSquare(a.Rows, a.Columns, nameof(a));
        return DecomposeToRows(a.AsSpan(), a.Rows, options, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// <see cref="DecomposeToRows(Matrix, SymmetricEigenOptions?, CancellationToken)"/> of the n×n row-major matrix in <paramref name="a"/>
    /// (its first n² values; e.g. a pooled buffer). <paramref name="mirrored"/> says the caller built A exactly
    /// symmetric (a triangle copied onto the other), so the O(n²) strided symmetry check is skipped.
    /// <paramref name="cancellationToken"/> is checked before and between the phases (reduction, tridiagonal solve,
    /// back-transformation), each O(n³): a cancelled token throws <see cref="OperationCanceledException"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double[] Eigenvalues, double[] Rows) DecomposeToRows(ReadOnlySpan<double> a, int n, SymmetricEigenOptions? options = null,
        bool mirrored = false, CancellationToken cancellationToken = default)
    {
        var (eigenvalues, rows, _) = DecomposeToRows(a, n, options, mirrored, ordered: true, cancellationToken);
        return (eigenvalues, rows);
    }

    /// <summary>
    /// <see cref="DecomposeToRows(ReadOnlySpan{double}, int, SymmetricEigenOptions?, bool, CancellationToken)"/>; unless
    /// <paramref name="ordered"/>, the divide-and-conquer path leaves the rows in T's order and without the sign
    /// convention and returns the row order (row order[q] pairs with eigenvalue q; <see cref="Decompose"/> reorders,
    /// signs and transposes in one pass). RowOrder is null when the rows are final.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double[] Eigenvalues, double[] Rows, int[]? RowOrder) DecomposeToRows(ReadOnlySpan<double> a, int n, SymmetricEigenOptions? options,
        bool mirrored, bool ordered, CancellationToken cancellationToken)
    {
        options ??= new SymmetricEigenOptions();
        a = a[..(n * n)];
        int k = options.TopK ?? n;
        if (options.TopK is { } topK && (topK < 1 || topK > n))
            throw new ArgumentOutOfRangeException(nameof(options), topK, $"TopK must be between 1 and {n}.");
        ArgumentOutOfRangeException.ThrowIfNegative(options.SymmetryTolerance, nameof(options));
        double maxAbs = CheckedMaxAbs(a, n, options.SymmetryTolerance, mirrored);

        cancellationToken.ThrowIfCancellationRequested();
        if (maxAbs == 0)
        {
            var (zeros, identity) = Trivial(n, k);
            return (zeros, identity, null);
        }

        var (d, e, reflectors, tau, scale) = ScaledTridiagonal(a, n, maxAbs, cancellationToken);

        double[]? eigenvalues = null, result = null;
        if (k <= n / InverseIterationFraction)
        {
            result = WorkspacePool.Rent(k * n, clear: false);
            if (LargestByInverseIteration(d, e, n, k, reflectors, tau, result) is { } all)
            {
                eigenvalues = all[..k];
            }
            else
            {
                WorkspacePool.Return(result);
                result = null;
            }
        }

        if (eigenvalues is null || result is null)
        {
            if (k == n && !ordered)
            {
                var (values, rows, order) = AllToRowsUnordered(d, e, n, reflectors, tau, cancellationToken);
                for (int q = 0; q < n; q++) values[q] *= scale;
                return (values, rows, order);
            }

            if (k == n)
            {
                (eigenvalues, result) = AllToRows(d, e, n, k, reflectors, tau, cancellationToken);
            }
            else
            {
                var rotations = new GivensSequence(checked(n * n + n * n / 4 + 64));
                TridiagonalQl.Diagonalize(d, e, n, rotations);
                cancellationToken.ThrowIfCancellationRequested();
                var selected = DescendingOrder(d, k);
                var columns = TridiagonalQl.SelectedEigenvectors(rotations, n, selected);
                result = WorkspacePool.Rent(k * n, clear: false);
                TransposeKernel.Transpose<double>(columns, n, k, result);
                HouseholderBackTransformation.Apply(result, k, n, reflectors, tau);
                WorkspacePool.Return(reflectors);
                eigenvalues = selected.Select(i => d[i]).ToArray();
            }
        }

        for (int q = 0; q < k; q++) eigenvalues[q] *= scale;
        NormaliseSigns(result, k, n);
        return (eigenvalues, result, null);
    }

    /// <summary>
    /// The top k eigenvectors are found by inverse iteration (O(k·n) after the reduction, then Q applied to k vectors)
    /// when k ≤ n / this; above it divide and conquer on all n, whose cost hardly depends on k, is the better method.
    /// </summary>
    internal const int InverseIterationFraction = 4;

    /// <summary>
    /// Every eigenvalue of the n×n symmetric <paramref name="a"/> (descending; n values) and the eigenvectors of the
    /// <paramref name="k"/> largest as rows (k×n row-major, row q for eigenvalue q, sign-normalised as
    /// <see cref="Decompose"/>; a <see cref="WorkspacePool"/> array to give back, possibly longer): what PCA needs, the
    /// whole spectrum for the explained variance and the top k components. For k ≤ n/<see cref="InverseIterationFraction"/>
    /// the values come from the tridiagonal QL/QR iteration (dsterf) and the vectors from inverse iteration (dstein,
    /// <see cref="TridiagonalInverseIteration"/>), LAPACK's dsyevx; otherwise, or when inverse iteration does not give an
    /// orthonormal basis (large tight clusters), from divide and conquer as <see cref="DecomposeToRows(ReadOnlySpan{double}, int, SymmetricEigenOptions?, bool, CancellationToken)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double[] Eigenvalues, double[] Rows) LargestToRows(ReadOnlySpan<double> a, int n, int k, bool mirrored = false,
        double orthogonalityTolerance = TridiagonalInverseIteration.OrthogonalityTolerance, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        a = a[..(n * n)];
        if (k > n / InverseIterationFraction) return DecomposeToRows(a, n, mirrored: mirrored, cancellationToken: cancellationToken);
        double maxAbs = CheckedMaxAbs(a, n, new SymmetricEigenOptions().SymmetryTolerance, mirrored);
        cancellationToken.ThrowIfCancellationRequested();
        if (maxAbs == 0)
        {
            var (_, identity) = Trivial(n, k);
            return (new double[n], identity);
        }

        var (d, e, reflectors, tau, scale) = ScaledTridiagonal(a, n, maxAbs, cancellationToken);
        var rows = WorkspacePool.Rent(k * n, clear: false);
        if (LargestByInverseIteration(d, e, n, k, reflectors, tau, rows, orthogonalityTolerance) is not { } values)
        {
            // Not orthonormal to 1e-12 (or not converged): divide and conquer on the same T.
            WorkspacePool.Return(rows);
            (values, rows) = AllToRows(d, e, n, n, reflectors, tau, cancellationToken);
        }

        for (int q = 0; q < n; q++) values[q] *= scale;
        NormaliseSigns(rows, k, n);
        return (values, rows);
    }

    /// <summary>
    /// Every eigenvalue of T (descending, unscaled) and into <paramref name="rows"/> the eigenvectors of A for the
    /// <paramref name="k"/> largest (T's by inverse iteration, then ·Qᵀ); the reflectors go back to the pool. Null when
    /// inverse iteration failed, the reflectors kept for the caller's fallback.
    /// </summary>
    private static double[]? LargestByInverseIteration(double[] d, double[] e, int n, int k, double[] reflectors, double[] tau, double[] rows,
        double orthogonalityTolerance = TridiagonalInverseIteration.OrthogonalityTolerance)
    {
        var values = new double[n];
        if (!TridiagonalInverseIteration.Largest(d, e, n, k, values, rows, orthogonalityTolerance)) return null;
        HouseholderBackTransformation.Apply(rows, k, n, reflectors, tau);
        WorkspacePool.Return(reflectors);
        return values;
    }

    /// <summary>
    /// Divide and conquer on T (d, e), then the eigenvectors of A as rows for the <paramref name="k"/> largest
    /// eigenvalues (descending, unscaled): a <see cref="WorkspacePool"/> array of k×n (or longer); the reflectors go back
    /// to the pool.
    /// </summary>
    private static (double[] Eigenvalues, double[] Rows) AllToRows(double[] d, double[] e, int n, int k, double[] reflectors, double[] tau,
        CancellationToken cancellationToken)
    {
        var (eigenvalues, rows, order) = AllToRowsUnordered(d, e, n, reflectors, tau, cancellationToken);
        var result = WorkspacePool.Rent(k * n, clear: false);
        for (int q = 0; q < k; q++) rows.AsSpan(order[q] * n, n).CopyTo(result.AsSpan(q * n, n));
        WorkspacePool.Return(rows);
        return (eigenvalues[..k], result);
    }

    /// <summary>
    /// Divide and conquer on T, then A's eigenvectors as the rows of a <see cref="WorkspacePool"/> array in T's order:
    /// all n eigenvalues descending (unscaled), the rows, and order[q], the row of eigenvalue q. The reflectors go back to the pool.
    /// </summary>
    private static (double[] Eigenvalues, double[] Rows, int[] Order) AllToRowsUnordered(double[] d, double[] e, int n, double[] reflectors, double[] tau,
        CancellationToken cancellationToken)
    {
        // Divide and conquer gives T = S·Λ·Sᵀ; the rows of Sᵀ·Qᵀ are the eigenvectors of A. The two run one after the
        // other, each with its GEMMs on every core: overlapping them on two threads measured slower (both compete
        // for the same two cores).
        var s = TridiagonalDivideConquer.Decompose(d, e, n);
        cancellationToken.ThrowIfCancellationRequested();
        // Eigenvectors of A as rows: Sᵀ·Qᵀ by applying the reflectors to Sᵀ in compact-WY blocks (dormtr, 2n³ flops
        // through GEMM), not by forming Qᵀ (4n³/3) and multiplying (2n³): n = 2000 0.85 → 0.71 s, 784 unchanged.
        var rows = WorkspacePool.Rent(n * n, clear: false);
        TransposeKernel.Transpose<double>(s.AsSpan(0, n * n), n, n, rows);
        WorkspacePool.Return(s);
        HouseholderBackTransformation.Apply(rows, n, n, reflectors, tau);
        WorkspacePool.Return(reflectors);
        var order = DescendingOrder(d, n);
        return (order.Select(i => d[i]).ToArray(), rows, order);
    }

    private static void NormaliseSigns(double[] rows, int k, int n)
    {
        for (int q = 0; q < k; q++)
        {
            var row = rows.AsSpan(q * n, n);
            if (!SignConvention.NeedsFlip(row)) continue;
            for (int i = 0; i < n; i++) row[i] = -row[i];
        }
    }

    /// <summary>
    /// max |aᵢⱼ| of the n×n A, after checking that A is finite and (unless the caller built it <paramref name="mirrored"/>)
    /// symmetric within <paramref name="symmetryTolerance"/>·max |aᵢⱼ|. MaxMagnitude propagates NaN and ±∞ gives ∞, so one
    /// pass both scales and checks for them.
    /// </summary>
    private static double CheckedMaxAbs(ReadOnlySpan<double> a, int n, double symmetryTolerance, bool mirrored)
    {
        double maxAbs = n == 0 ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(a));
        if (!double.IsFinite(maxAbs)) Finite.Require(a, n, nameof(a));
        if (!mirrored) ThrowIfAsymmetric(a, n, symmetryTolerance * maxAbs);
        return maxAbs;
    }

    /// <summary>
    /// Scales A by a power of two (exact) so that max |aᵢⱼ| is near 1 (no overflow or underflow in the rotations) and
    /// reduces it to tridiagonal T = QᵀAQ: T's diagonal d and off-diagonal e, and Q as Householder reflectors (a pooled
    /// array: give it back to <see cref="WorkspacePool"/>) and their τ. The eigenvalues of A are scale × those of T.
    /// </summary>
    private static (double[] D, double[] E, double[] Reflectors, double[] Tau, double Scale) ScaledTridiagonal(
        ReadOnlySpan<double> a, int n, double maxAbs, CancellationToken cancellationToken)
    {
        double scale = Math.ScaleB(1.0, Math.ILogB(maxAbs));
        var work = WorkspacePool.Rent(n * n, clear: false);
        // Once per decomposition, before O(n³) work: a plain loop (memory-bound either way) spares compiling a vectorised
        // operator at start-up.
        double inverse = 1 / scale;
        var scaled = work.AsSpan(0, n * n);
        for (int i = 0; i < scaled.Length; i++) scaled[i] = a[i] * inverse;
        var d = new double[n];
        var e = new double[n];
        // Not cleared: the reduction writes every reflector row the back-transformation reads (rows 0 … n−3, whole).
        var reflectors = WorkspacePool.Rent(n * n, clear: false);
        var tau = new double[n];
        BlockedTridiagonalization.Reduce(work, n, d, e, reflectors, tau, cancellationToken);
        WorkspacePool.Return(work);
        cancellationToken.ThrowIfCancellationRequested();
        return (d, e, reflectors, tau, scale);
    }

    /// <summary>Indices of the <paramref name="count"/> largest values of <paramref name="values"/>, largest first.</summary>
    private static int[] DescendingOrder(double[] values, int count)
    {
        var index = Enumerable.Range(0, values.Length).ToArray();
        var keys = values.Select(v => -v).ToArray();
        Array.Sort(keys, index);
        return index[..count];
    }

    private static (double[] Eigenvalues, double[] Rows) Trivial(int n, int k)
    {
        var rows = WorkspacePool.Rent(k * n, clear: true);
        for (int q = 0; q < k; q++) rows[q * n + q] = 1;
        return (new double[k], rows);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ThrowIfAsymmetric(ReadOnlySpan<double> a, int n, double tolerance)
    {
        // Tile by tile (32×32 above the diagonal against its mirror below), so the column reads stay in cache: a 2000²
        // matrix read by whole columns misses on every element. Only on a mismatch is the first one, in row order, looked
        // for below, to name it.
        const int tile = 32;
        bool symmetric = true;
        for (int i0 = 0; i0 < n && symmetric; i0 += tile)
        {
            int i1 = Math.Min(i0 + tile, n);
            for (int j0 = i0; j0 < n && symmetric; j0 += tile)
            {
                int j1 = Math.Min(j0 + tile, n);
                for (int i = i0; i < i1; i++)
                    for (int j = Math.Max(j0, i + 1); j < j1; j++)
                        symmetric &= Math.Abs(a[i * n + j] - a[j * n + i]) <= tolerance;
            }
        }

        if (symmetric) return;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double upper = a[i * n + j], lower = a[j * n + i];
                if (Math.Abs(upper - lower) > tolerance)
                    throw new ArgumentException(
                        $"The matrix is not symmetric: a[{i},{j}] = {upper} but a[{j},{i}] = {lower} (tolerance {tolerance:G3}).", nameof(a));
            }
        }
    }
}
