using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using ScottPlot;

namespace MathForML.Plots;

/// <summary>Pictures of training: loss and accuracy per epoch, the course network's cost and the curve it draws.</summary>
public static class TrainingPlots
{
    /// <summary>The mean batch loss of each epoch.</summary>
    public static Figure Loss(IReadOnlyList<EpochReport> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var plot = new Plot();
        plot.Title("Training loss per epoch");
        plot.Add.Scatter(EpochAxis(epochs), epochs.Select(e => e.Loss).ToArray()).LegendText = "mean batch loss";
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Axes.Left.Label.Text = "loss";
        return new Figure(plot, 640, 420);
    }

    /// <summary>The training accuracy of each epoch, and the test accuracy when every epoch has one.</summary>
    public static Figure Accuracy(IReadOnlyList<EpochReport> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var x = EpochAxis(epochs);
        var plot = new Plot();
        plot.Title("Accuracy per epoch");
        plot.Add.Scatter(x, epochs.Select(e => e.TrainAccuracy).ToArray()).LegendText = "train";
        if (epochs.All(e => e.TestAccuracy is not null))
            plot.Add.Scatter(x, epochs.Select(e => e.TestAccuracy!.Value).ToArray()).LegendText = "test";
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Axes.Left.Label.Text = "accuracy";
        plot.ShowLegend();
        return new Figure(plot, 640, 420);
    }

    /// <summary>
    /// The course's 1-6-7-2 network: the training curve <paramref name="y"/> (2×n, columns are points) and the curve the
    /// network draws for 400 inputs evenly spaced over [0, 1].
    /// </summary>
    public static Figure CourseCurve(CourseNetwork network, Matrix y, CourseTraining training)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(training);
        var dense = new Matrix(1, 400);
        for (int i = 0; i < 400; i++) dense[0, i] = i / 399.0;
        var drawn = network.Forward(dense).A3;
        var plot = new Plot();
        plot.Title($"After {training.Costs[^1].Iteration:N0} steps: cost {training.FinalCost:G3}");
        var target = plot.Add.Scatter(y.Row(0).ToArray(), y.Row(1).ToArray());
        target.LegendText = "training curve";
        target.LineWidth = 0;
        target.MarkerSize = 5;
        var learned = plot.Add.Scatter(drawn.Row(0).ToArray(), drawn.Row(1).ToArray());
        learned.LegendText = "network";
        learned.MarkerSize = 0;
        learned.LineWidth = 2;
        plot.Axes.Bottom.Label.Text = "first output, a⁽³⁾₁ (x of the curve)";
        plot.Axes.Left.Label.Text = "second output, a⁽³⁾₂ (y of the curve)";
        plot.Axes.SquareUnits();
        plot.ShowLegend();
        return new Figure(plot, 600, 600);
    }

    /// <summary>log₁₀ of the course network's cost against the steepest-descent step.</summary>
    public static Figure CourseCost(CourseTraining training)
    {
        ArgumentNullException.ThrowIfNull(training);
        var plot = new Plot();
        plot.Title("Cost during steepest descent");
        plot.Add.Scatter(training.Costs.Select(c => (double)c.Iteration).ToArray(), training.Costs.Select(c => Math.Log10(c.Cost)).ToArray());
        plot.Axes.Bottom.Label.Text = "iteration";
        plot.Axes.Left.Label.Text = "log₁₀ cost";
        return new Figure(plot, 640, 420);
    }

    /// <summary>Saves <c>loss.png</c> and <c>accuracy.png</c> into <paramref name="dir"/> (created if missing); returns their paths.</summary>
    public static IReadOnlyList<string> SaveClassifier(string dir, IReadOnlyList<EpochReport> epochs)
    {
        Directory.CreateDirectory(dir);
        return [Loss(epochs).Save(Path.Combine(dir, "loss.png")), Accuracy(epochs).Save(Path.Combine(dir, "accuracy.png"))];
    }

    /// <summary>Saves <c>curve.png</c> and <c>cost.png</c> of the course network into <paramref name="dir"/> (created if missing); returns their paths.</summary>
    public static IReadOnlyList<string> SaveCourse(string dir, CourseNetwork network, Matrix y, CourseTraining training)
    {
        Directory.CreateDirectory(dir);
        return [CourseCurve(network, y, training).Save(Path.Combine(dir, "curve.png")), CourseCost(training).Save(Path.Combine(dir, "cost.png"))];
    }

    private static double[] EpochAxis(IReadOnlyList<EpochReport> epochs) => epochs.Select(e => (double)e.Epoch).ToArray();
}
