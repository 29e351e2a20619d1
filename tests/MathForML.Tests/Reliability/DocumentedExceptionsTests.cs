using MathForML.Calculus;
using MathForML.DimensionalityReduction;
using MathForML.Graphs;
using MathForML.Learning;
using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using MathForML.Optimization;

namespace MathForML.Tests.Reliability;

/// <summary>
/// Public entry points given empty, mismatched or absurd arguments throw their documented exceptions (the
/// <see cref="ArgumentException"/> family), never IndexOutOfRange, Overflow or OutOfMemory (issue 21, item 8).
/// </summary>
public class DocumentedExceptionsTests
{
    [Fact]
    public void Course_pagerank_of_an_empty_web()
    {
        Assert.ThrowsAny<ArgumentException>(() => PageRank.CourseEigenvector(new Matrix(0, 0)));
        Assert.ThrowsAny<ArgumentException>(() => PageRank.Course(new Matrix(0, 0)));
    }

    [Fact]
    public void Gradient_descent_with_a_start_of_the_wrong_length()
    {
        Assert.ThrowsAny<ArgumentException>(() => GradientDescent.Minimize(Expression.Parse("x^2 + y^2"), ["x", "y"], [1.0]));
    }

    [Fact]
    public void A_compiled_expression_given_too_few_values()
    {
        var f = Expression.Parse("x + y").Compile(["x", "y"]);
        Assert.ThrowsAny<ArgumentException>(() => f([1.0]));
    }

    [Fact]
    public void Taylor_series_of_an_absurd_order()
    {
        Assert.ThrowsAny<ArgumentException>(() => TaylorSeries.Expand(Expression.Parse("sin(x)"), "x", 0, int.MaxValue));
    }

    [Fact]
    public void Knn_labels_are_classes_not_indices()
    {
        var x = Matrix.FromRows([0.0], [1.0], [10.0]);
        var knn = KNearestNeighbors.Fit(x, [int.MaxValue, int.MaxValue, -7]);
        Assert.Equal([int.MaxValue, -7], knn.Predict(Matrix.FromRows([0.4], [9.0]), 1));
    }

    [Fact]
    public void Networks_too_large_to_hold_are_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => Mlp<float>.Create([2, 1 << 30, 2], Activation.Relu, Activation.Softmax, LossFunction.SoftmaxCrossEntropy));
        Assert.ThrowsAny<ArgumentException>(() => Mlp<float>.Create([784, 100_000_000, 10], Activation.Relu, Activation.Softmax, LossFunction.SoftmaxCrossEntropy));
    }

    [Fact]
    public void A_graph_of_absurdly_many_nodes_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => CsrGraph.FromEdges([0], [1], nodeCount: int.MaxValue));
    }

    [Fact]
    public void An_undefined_pca_solver_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => Pca.Fit(Matrix.FromRows([1.0, 2], [3, 4], [5, 7]), new PcaOptions { Solver = (PcaSolver)99 }));
    }
}
