using MathForML.Data;
using MathForML.Graphs;
using MathForML.Randomness;

namespace MathForML.Tests.Graphs;

/// <summary>
/// <see cref="CourseInternet"/> against the course's <c>generate_internet</c> run by NumPy after <c>np.random.seed</c>
/// (Reference/course-internet/make_internets.py), to the bit.
/// </summary>
public class CourseInternetTests
{
    public static TheoryData<int, uint> Cases => new()
    {
        { 1, 0u }, { 2, 1u }, { 5, 42u }, { 6, 0u }, { 10, 1u }, { 37, 42u }, { 100, 0u }, { 150, 4294967295u },
    };

    private static double[] NumPys(int n, uint seed)
    {
        var (shape, data) = NpyFile.Read<double>(ReferenceData.PathOf("course-internet", $"n{n}-seed{seed}.npy"));
        Assert.Equal([n, n], shape);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EqualsNumPysGenerateInternetToTheBit(int n, uint seed)
    {
        var expected = NumPys(n, seed);
        var ours = CourseInternet.Generate(n, seed).ToArray();
        Assert.Equal(expected.Length, ours.Length);
        for (int k = 0; k < ours.Length; k++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[k]) == BitConverter.DoubleToInt64Bits(ours[k]),
                $"L[{k / n}, {k % n}]: NumPy {expected[k]:R}, ours {ours[k]:R}");
    }

    [Fact]
    public void PairwiseColumnSumsWouldNotBeTheBitsNumPyGives()
    {
        // The stored matrices are sensitive to the order of the column sums: summing each column pairwise (as NumPy does
        // along a contiguous axis) changes some columns of n = 150 in the last bit, so the test above checks the order.
        int n = 150;
        var l = NumPys(n, 4294967295);
        var random = new NumPyRandom(4294967295);
        int differ = 0;
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) c[(i * n) + j] = (Math.Abs(random.StandardCauchy() / 2) > Math.Abs(j - i) + 1 ? 1 : 0) + 1e-10;
        for (int j = 0; j < n; j++)
        {
            var column = Enumerable.Range(0, n).Select(i => c[(i * n) + j]).ToArray();
            double pairwise = Pairwise(column);
            if (c[j] / pairwise != l[j]) differ++;
        }
        Assert.True(differ > 0, "pairwise sums should differ from NumPy's axis-0 sums in some column");
    }

    private static double Pairwise(ReadOnlySpan<double> x) =>
        x.Length <= 2 ? (x.Length == 1 ? x[0] : x[0] + x[1]) : Pairwise(x[..(x.Length / 2)]) + Pairwise(x[(x.Length / 2)..]);

    [Fact]
    public void SuccessiveCallsContinueTheStreamAsTheNotebookDoes()
    {
        // np.random.seed(1); generate_internet(5); generate_internet(5): the second draws the next 25 Cauchy values.
        var random = new NumPyRandom(1);
        var first = CourseInternet.Generate(5, random);
        var second = CourseInternet.Generate(5, random);
        Assert.Equal(CourseInternet.Generate(5, 1u).ToArray(), first.ToArray());
        Assert.NotEqual(first.ToArray(), second.ToArray());
        var skip = new NumPyRandom(1);
        skip.StandardCauchy(25);
        Assert.Equal(second.ToArray(), CourseInternet.Generate(5, skip).ToArray());
    }

    [Fact]
    public void ColumnsAreProbabilitiesAndPageRankRunsOnThem()
    {
        var l = CourseInternet.Generate(100, 0u);
        for (int j = 0; j < 100; j++) Assert.Equal(1, l.Column(j).ToArray().Sum(), 12);
        var ranks = PageRank.Course(l, 0.9, 1e-10);
        Assert.True(ranks.Converged);
        Assert.Equal(100, ranks.Ranks.Sum(), 9);
    }

    [Fact]
    public void MicroInternetsAreTheCoursesMatrices()
    {
        Assert.Equal(InternetGenerator.MicroInternet().ToArray(), CourseInternet.Micro().ToArray());
        var l2 = CourseInternet.MicroWithPageG();
        for (int j = 0; j < 7; j++) Assert.Equal(1, l2.Column(j).ToArray().Sum(), 12);
        Assert.All(l2.Row(4).ToArray(), v => Assert.Equal(0, v));   // nobody links to E
        Assert.Equal(1, l2[6, 6]);
        Assert.Equal(1.0 / 3, l2[6, 5]);
    }

    [Fact]
    public void BadSizesAreRejected()
    {
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => CourseInternet.Generate(0, 1u)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => CourseInternet.Generate(CourseInternet.MaxPages + 1, 1u)).ParamName);
        Assert.Throws<ArgumentNullException>(() => CourseInternet.Generate(3, (NumPyRandom)null!));
    }
}
