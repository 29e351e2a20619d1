using MathForML.Data;

namespace MathForML.Tests.Data;

/// <summary><see cref="Iris"/> against scikit-learn's <c>load_iris()</c> (Reference/iris/make_reference.py).</summary>
public class IrisTests
{
    private static readonly System.Text.Json.JsonElement Reference = ReferenceData.Json("iris", "reference.json");

    [Fact]
    public void ShapeNamesAndClassCountsAreScikitLearns()
    {
        var iris = Iris.Load();
        Assert.Equal(Reference.GetProperty("shape").ToInts(), new[] { iris.Features.Rows, iris.Features.Columns });
        Assert.Equal(iris.Features.Rows, iris.Labels.Count);
        Assert.Equal(Reference.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString()), Iris.FeatureNames);
        Assert.Equal(Reference.GetProperty("class_names").EnumerateArray().Select(e => e.GetString()), iris.ClassNames);
        Assert.Equal(Reference.GetProperty("class_counts").ToInts(), Enumerable.Range(0, 3).Select(c => iris.Labels.Count(l => l == c)));
        // Sorted by class, as Fisher's table: 50 setosa, then 50 versicolor, then 50 virginica.
        Assert.Equal(Enumerable.Range(0, 150).Select(i => i / 50), iris.Labels);
    }

    [Fact]
    public void ColumnMeansAndDeviationsAreScikitLearns()
    {
        // NumPy's means sum pairwise and ours in order, so the last bits may differ: 1e-13 relative.
        var iris = Iris.Load();
        var means = Reference.GetProperty("means").ToVector().ToArray();
        var stds = Reference.GetProperty("stds").ToVector().ToArray();
        for (int j = 0; j < Iris.FeatureCount; j++)
        {
            var column = iris.Features.Column(j).ToArray();
            double mean = column.Average();
            double std = Math.Sqrt(column.Sum(v => (v - mean) * (v - mean)) / column.Length);
            Assert.True(Math.Abs(mean / means[j] - 1) < 1e-13, $"mean of column {j}: {mean:R} vs {means[j]:R}");
            Assert.True(Math.Abs(std / stds[j] - 1) < 1e-13, $"std of column {j}: {std:R} vs {stds[j]:R}");
        }
        Assert.Equal(Reference.GetProperty("first").ToVector().ToArray(), iris.Features.Row(0).ToArray());
        Assert.Equal(Reference.GetProperty("last").ToVector().ToArray(), iris.Features.Row(149).ToArray());
    }

    [Fact]
    public void EachLoadIsAFreshCopy()
    {
        var a = Iris.Load();
        a.Features[0, 0] = -1;
        Assert.Equal(5.1, Iris.Load().Features[0, 0]);
    }

    [Theory]
    [InlineData("", "is empty", 1)]
    [InlineData("150,3,a,b,c\n", "header", 1)]
    [InlineData("150,4,a,b,c\n5.1,3.5,1.4,0.2\n", "4 measurements and a class", 2)]
    [InlineData("150,4,a,b,c\n5.1,x,1.4,0.2,0\n", "positive length", 2)]
    [InlineData("150,4,a,b,c\n5.1,3.5,1.4,0.2,3\n", "class 0, 1 or 2", 2)]
    [InlineData("150,4,a,b,c\n5.1,3.5,1.4,0.2,0\n", "expected 150 flowers, found 1", 3)]
    public void DamagedFilesAreRejectedWithTheLine(string text, string problem, int line)
    {
        var e = Assert.Throws<DataFileException>(() => Iris.Read(new StringReader(text), "iris.csv"));
        Assert.Contains(problem, e.Message);
        Assert.Equal(line, e.Line);
    }
}
