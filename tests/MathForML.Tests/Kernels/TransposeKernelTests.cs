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

    [Fact]
    public void ShortSpansAreRejected() =>
        Assert.Throws<ArgumentException>(() => TransposeKernel.Transpose<double>(new double[5], 2, 3, new double[6]));
}
