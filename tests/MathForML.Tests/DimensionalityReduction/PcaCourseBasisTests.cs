using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using static MathForML.Tests.PcaCourseReference;

namespace MathForML.Tests.DimensionalityReduction;

/// <summary>
/// <see cref="Pca.CourseBasis(int)"/> and the course's week-4 steps (normalise → covariance → eig → sort → B → P → reconstruct,
/// and PCA_high_dim for N &lt; D) against numpy (Reference/pca-course): B to 1e-10 up to the sign of each column (numpy's sign
/// follows no rule), and exactly where the sign cannot matter.
/// </summary>
public class PcaCourseBasisTests
{
    private const double Tolerance = 1e-10;

    [Theory]
    [InlineData("mvn", 1, false)]
    [InlineData("small_k2", 2, false)]
    [InlineData("small_k2_normalized", 2, true)]
    [InlineData("wide_k3", 3, false)]
    public void CourseStepsMatchNumpy(string name, int k, bool normalize)
    {
        var week4 = Week(4);
        var x = name == "mvn" ? week4.GetProperty("mvn_x").ToMatrix() : name.StartsWith("wide", StringComparison.Ordinal) ? Wide : Small;
        var expected = week4.GetProperty(name);
        var pca = Pca.Fit(x, new PcaOptions { Components = k, Normalize = normalize, Solver = PcaSolver.Covariance });
        var basis = pca.CourseBasis();
        Assert.Equal(x.Columns, basis.Rows);
        Assert.Equal(k, basis.Columns);

        AssertClose(expected.GetProperty("mean").ToVector(), pca.Mean, Tolerance, $"{name} mean");
        var lambda = expected.GetProperty("eigenvalues").ToVector();
        AssertClose(new Vector(lambda.AsSpan()[..k]), pca.ExplainedVariance, Tolerance, $"{name} eigenvalues");
        AssertSameUpToColumnSigns(expected.GetProperty("basis").ToMatrix(), basis, Tolerance, $"{name} B (eig)");
        AssertSameUpToColumnSigns(expected.GetProperty("basis_eigh").ToMatrix(), basis, Tolerance, $"{name} B (eigh)");
        AssertClose(expected.GetProperty("projection").ToMatrix(), basis * basis.Transpose(), Tolerance, $"{name} P = BBᵀ");
        AssertClose(expected.GetProperty("reconstruction").ToMatrix(), pca.Reconstruct(x, k), Tolerance, $"{name} reconstruction");
        Assert.Equal(expected.GetProperty("mse").GetDouble(), pca.ReconstructionError(k), Tolerance);
    }

    [Fact]
    public void TheCourseGaussianShowsNumpysTwoRoutinesDisagreeInSign()
    {
        // The course's test data: eig gives (−0.584, −0.812), eigh (0.584, 0.812); the library keeps its rule.
        var week4 = Week(4);
        var pca = Pca.Fit(week4.GetProperty("mvn_x").ToMatrix(), new PcaOptions { Components = 1 });
        var b = pca.CourseBasis();
        Assert.Equal(1, AssertSameUpToColumnSigns(week4.GetProperty("mvn").GetProperty("basis").ToMatrix(), b, Tolerance, "eig"));
        Assert.Equal(0, AssertSameUpToColumnSigns(week4.GetProperty("mvn").GetProperty("basis_eigh").ToMatrix(), b, Tolerance, "eigh"));
        Assert.True(b[1, 0] > 0 && Math.Abs(b[1, 0]) > Math.Abs(b[0, 0]));   // the largest-magnitude entry is positive
    }

    [Theory]
    [InlineData(PcaSolver.Covariance)]
    [InlineData(PcaSolver.Gram)]
    public void MnistBasisAndReconstructionMatchNumpy(PcaSolver solver)
    {
        var x = MnistSubset.Images;
        var pca = Pca.Fit(x, new PcaOptions { Components = 10, Solver = solver });
        var basis = pca.CourseBasis();
        AssertSameUpToColumnSigns(Npy("mnist-basis.npy"), basis, Tolerance, $"{solver}: B (eig)");
        AssertSameUpToColumnSigns(Npy("mnist-basis-eigh.npy"), basis, Tolerance, $"{solver}: B (eigh)");
        AssertClose(Week(4).GetProperty("mnist_eigenvalues10").ToVector(), pca.ExplainedVariance, Tolerance, $"{solver}: eigenvalues");
        AssertClose(Npy("mnist-reconstruction20.npy"), pca.Reconstruct(x.SliceRows(..20), 10), Tolerance, $"{solver}: reconstruction");
        for (int j = 0; j < basis.Columns; j++)
        {
            var column = basis.Column(j);
            int largest = 0;
            for (int i = 1; i < column.Length; i++)
                if (Math.Abs(column[i]) > Math.Abs(column[largest])) largest = i;
            Assert.True(column[largest] > 0, $"column {j}: its largest-magnitude entry {column[largest]} is not positive");
        }
    }

    [Fact]
    public void HighDimensionalPcaMatchesTheCoursesPcaHighDim()
    {
        // PCA_high_dim: M = X̄X̄ᵀ/N, eig, U = X̄ᵀ·eigvecs normalised, P = U(UᵀU)⁻¹Uᵀ; N = 6 < D = 10, and 40 digits < 784 pixels.
        var expected = Week(4).GetProperty("wide_k3_high_dim");
        var pca = Pca.Fit(Wide, new PcaOptions { Components = 3, Solver = PcaSolver.Gram });
        Assert.Equal(PcaSolver.Gram, pca.Solver);
        AssertSameUpToColumnSigns(expected.GetProperty("basis").ToMatrix(), pca.CourseBasis(), Tolerance, "wide U");
        AssertClose(new Vector(expected.GetProperty("eigenvalues").ToVector().AsSpan()[..3]), pca.ExplainedVariance, Tolerance, "wide eigenvalues");
        AssertClose(expected.GetProperty("projection").ToMatrix(), pca.CourseBasis() * pca.CourseBasis().Transpose(), Tolerance, "wide P");
        AssertClose(expected.GetProperty("reconstruction").ToMatrix(), pca.Reconstruct(Wide, 3), Tolerance, "wide reconstruction");
        // The course's check: PCA and PCA_high_dim give the same reconstruction.
        AssertClose(Week(4).GetProperty("wide_k3").GetProperty("reconstruction").ToMatrix(), pca.Reconstruct(Wide, 3), Tolerance, "wide PCA = PCA_high_dim");

        var digits = MnistSubset.Images.SliceRows(..40);
        var gram = Pca.Fit(digits, new PcaOptions { Components = 10 });
        Assert.Equal(PcaSolver.Gram, gram.Solver);
        AssertSameUpToColumnSigns(Npy("mnist40-high-dim-basis.npy"), gram.CourseBasis(), Tolerance, "digits U");
        AssertClose(Week(4).GetProperty("mnist40_high_dim_eigenvalues10").ToVector(), gram.ExplainedVariance, Tolerance, "digits eigenvalues");
        AssertClose(Npy("mnist40-high-dim-reconstruction.npy"), gram.Reconstruct(digits, 10), Tolerance, "digits reconstruction");
    }

    [Fact]
    public void CourseBasisIsTheComponentsTransposedAndChecksK()
    {
        var pca = Pca.Fit(Small, new PcaOptions { Components = 4 });
        var b = pca.CourseBasis(3);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < Small.Columns; j++)
                Assert.Equal(pca.Components[i, j], b[j, i]);
        Assert.Equal(4, pca.CourseBasis().Columns);
        Assert.Throws<ArgumentOutOfRangeException>(() => pca.CourseBasis(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => pca.CourseBasis(5));
    }

    [Theory]
    [InlineData("mvn", 1, false)]
    [InlineData("small_k2", 2, false)]
    [InlineData("small_k2_normalized", 2, true)]
    public void CourseBasisWithNumPySignsIsTheCoursesPrintedBasis(string name, int k, bool normalize)
    {
        // The week-4 worked example (the 10-sample Gaussian: eig's (−0.584, −0.812), where the library's own sign and
        // eigh's are (0.584, 0.812)) and the 12×5 set, signs included. (Not the 6×10 set: its S has five zero
        // eigenvalues and order 10, where numpy's sign follows the last bits; see NumPyEig.)
        var week4 = Week(4);
        var x = name == "mvn" ? week4.GetProperty("mvn_x").ToMatrix() : name == "wide_k3" ? Wide : Small;
        var pca = Pca.Fit(x, new PcaOptions { Components = k, Normalize = normalize, Solver = PcaSolver.Covariance });
        var basis = pca.CourseBasisWithNumPySigns(x, k);
        AssertClose(week4.GetProperty(name).GetProperty("basis").ToMatrix(), basis, Tolerance, $"{name} B with eig's signs");
        if (name == "mvn") Assert.True(basis[0, 0] < 0 && pca.CourseBasis(1)[0, 0] > 0);
    }
}
