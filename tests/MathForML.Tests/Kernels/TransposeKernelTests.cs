using MathForML.Kernels;

namespace MathForML.Tests.Kernels;

/// <summary>The blocked transpose, on one thread and (from <see cref="TransposeKernel.ParallelElements"/>) on two: every element moved exactly, nothing past rows·columns written.</summary>
public class TransposeKernelTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 70)]
    [InlineData(33, 31)]
    [InlineData(64, 64)]
    [InlineData(513, 511)]
    [InlineData(700, 1000)]
    [InlineData(2049, 130)]
    public void MovesEveryElement(int rows, int columns)
    {
        var source = new double[rows * columns];
        for (int i = 0; i < source.Length; i++) source[i] = i;
        var destination = new double[rows * columns + 1];
        destination[^1] = -7;
        TransposeKernel.Transpose<double>(source, rows, columns, destination);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                Assert.Equal(source[i * columns + j], destination[j * rows + i]);
        Assert.Equal(-7, destination[^1]);
    }

    /// <summary>The reordered, scaled transpose: destination[j·rows + q] = scale[q]·source[order[q]·columns + j], exactly, on one thread and on two.</summary>
    [Theory]
    [InlineData(5, 7, 9)]
    [InlineData(40, 40, 33)]
    [InlineData(600, 600, 600)]
    [InlineData(700, 900, 650)]
    public void TransposesTheRowsInOrderScaled(int sourceRows, int rows, int columns)
    {
        var random = new Random(rows + columns);
        var source = KernelTestData.Uniform(random, sourceRows * columns);
        var order = Enumerable.Range(0, rows).Select(q => random.Next(sourceRows)).ToArray();
        var scale = Enumerable.Range(0, rows).Select(q => q % 3 == 0 ? -1.0 : 0.5).ToArray();
        var destination = new double[rows * columns + 1];
        destination[^1] = 4;
        TransposeKernel.TransposeRows(source, order, scale, columns, destination);
        for (int q = 0; q < rows; q++)
            for (int j = 0; j < columns; j++)
                Assert.Equal(scale[q] * source[order[q] * columns + j], destination[j * rows + q]);
        Assert.Equal(4, destination[^1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => TransposeKernel.TransposeRows(source, [sourceRows], [1.0], columns, destination));
    }

    [Fact]
    public void ShortSpansAreRejected() =>
        Assert.Throws<ArgumentException>(() => TransposeKernel.Transpose<double>(new double[5], 2, 3, new double[6]));
}
