using MathForML.LinearAlgebra;
using MathForML.Randomness;

namespace MathForML.Graphs;

/// <summary>
/// The Linear Algebra course's own internets (PageRank assignment, week 5): its random <c>generate_internet(n)</c>
/// reproduced to the bit from NumPy's seeded stream, and its two hand-made micro-internets.
/// </summary>
/// <remarks>
/// <see cref="InternetGenerator"/> is the library's other recipe: clusters of important pages and self-linking pages
/// planted on purpose, links of 1 to 4 per page, drawn from <see cref="SeededRandom"/>. It makes internets that look like
/// the course's story, but not the course's matrices; this type makes exactly the course's.
/// </remarks>
public static class CourseInternet
{
    /// <summary>The largest internet generated (n² Cauchy draws and a dense n×n matrix).</summary>
    public const int MaxPages = 5000;

    /// <summary>
    /// The course's <c>np.random.seed(seed); generate_internet(n)</c>, equal to NumPy's output to the bit
    /// (see <see cref="Generate(int, NumPyRandom)"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not in 1 … <see cref="MaxPages"/>.</exception>
    public static Matrix Generate(int n, uint seed) => Generate(n, new NumPyRandom(seed));

    /// <summary>
    /// The course's <c>generate_internet(n)</c> (readonlyPageRankFunctions.py), drawing from <paramref name="random"/> as
    /// the course draws from NumPy's global stream, so successive calls continue it as successive calls in the
    /// notebook do:
    /// <code>
    /// c = np.full([n,n], np.arange(n))
    /// c = (abs(np.random.standard_cauchy([n,n])/2) > (np.abs(c - c.T) + 1)) + 0
    /// c = (c+1e-10) / np.sum((c+1e-10), axis=0)
    /// </code>
    /// Page j links to page i (c_ij = 1) when |X_ij/2| &gt; |j − i| + 1, X_ij the (i·n + j)-th standard Cauchy draw
    /// (row-major, NumPy's order): links fall off with distance like a Cauchy tail, and the diagonal gets a link when
    /// |X| &gt; 2 (probability 2·arctan(1/2)/π ≈ 0.30). Then L_ij = (c_ij + 10⁻¹⁰)/s_j with s_j = Σ_i (c_ij + 10⁻¹⁰):
    /// every column sums to 1 (a page without links spreads evenly over all pages). s_j is summed row by row in
    /// order, as NumPy reduces axis 0 of a C-order array (not pairwise: NumPy sums pairwise only along the contiguous
    /// axis), which is what makes the result equal to the bit. Cost O(n²).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not in 1 … <see cref="MaxPages"/>.</exception>
    public static Matrix Generate(int n, NumPyRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxPages);
        var l = new Matrix(n, n);
        var a = l.AsSpan();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool link = Math.Abs(random.StandardCauchy() / 2) > Math.Abs(j - i) + 1;
                a[(i * n) + j] = (link ? 1 : 0) + 1e-10;
            }
        }
        var sums = new double[n];
        a[..n].CopyTo(sums);
        for (int i = 1; i < n; i++)
        {
            var row = a.Slice(i * n, n);
            for (int j = 0; j < n; j++) sums[j] += row[j];
        }
        for (int i = 0; i < n; i++)
        {
            var row = a.Slice(i * n, n);
            for (int j = 0; j < n; j++) row[j] /= sums[j];
        }
        return l;
    }

    /// <summary>
    /// The course's micro-internet <c>L</c> of six pages A–F: column j holds 1/k for each of page j's k links. Nobody
    /// links to E; with the course's loop 100 surfers settle as A 16, B 5.33, C 40, D 25.33, E 0, F 13.33 after
    /// "18 iterations to convergence".
    /// </summary>
    public static Matrix Micro() => Matrix.FromRows(
        [0, 1.0 / 2, 1.0 / 3, 0, 0, 0],
        [1.0 / 3, 0, 0, 0, 1.0 / 2, 0],
        [1.0 / 3, 1.0 / 2, 0, 1, 0, 1.0 / 2],
        [1.0 / 3, 0, 1.0 / 3, 0, 1.0 / 2, 1.0 / 2],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 1.0 / 3, 0, 0, 0]);

    /// <summary>
    /// The course's <c>L2</c>: the micro-internet with a seventh page G that links only to itself, and F linking to
    /// C, D and G (1/3 each). Undamped, G swallows every surfer ("131 iterations to convergence"); damped with
    /// d = 0.5, "8 iterations to convergence".
    /// </summary>
    public static Matrix MicroWithPageG() => Matrix.FromRows(
        [0, 1.0 / 2, 1.0 / 3, 0, 0, 0, 0],
        [1.0 / 3, 0, 0, 0, 1.0 / 2, 0, 0],
        [1.0 / 3, 1.0 / 2, 0, 1, 0, 1.0 / 3, 0],
        [1.0 / 3, 0, 1.0 / 3, 0, 1.0 / 2, 1.0 / 3, 0],
        [0, 0, 0, 0, 0, 0, 0],
        [0, 0, 1.0 / 3, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 1.0 / 3, 1]);
}
