using MathForML.LinearAlgebra;
using MathForML.NeuralNetworks;
using ScottPlot;

namespace MathForML.Cli.Plots;

/// <summary>Pictures of training: loss and accuracy per epoch, the course network's cost and its drawn curve.</summary>
internal static class TrainingPlots
{
    public static IReadOnlyList<string> SaveClassifier(string dir, IReadOnlyList<EpochReport> epochs)
    {
        Directory.CreateDirectory(dir);
        double[] x = epochs.Select(e => (double)e.Epoch).ToArray();
        var loss = new Plot();
        loss.Title("Training loss per epoch");
        loss.Add.Scatter(x, epochs.Select(e => e.Loss).ToArray()).LegendText = "mean batch loss";
        loss.Axes.Bottom.Label.Text = "epoch";
        loss.Axes.Left.Label.Text = "loss";
        var lossPath = Path.Combine(dir, "loss.png");
        PlotFile.SavePng(loss, lossPath, 640, 420);

        var accuracy = new Plot();
        accuracy.Title("Accuracy per epoch");
        accuracy.Add.Scatter(x, epochs.Select(e => e.TrainAccuracy).ToArray()).LegendText = "train";
        if (epochs.All(e => e.TestAccuracy is not null))
            accuracy.Add.Scatter(x, epochs.Select(e => e.TestAccuracy!.Value).ToArray()).LegendText = "test";
        accuracy.Axes.Bottom.Label.Text = "epoch";
        accuracy.Axes.Left.Label.Text = "accuracy";
        accuracy.ShowLegend();
        var accuracyPath = Path.Combine(dir, "accuracy.png");
        PlotFile.SavePng(accuracy, accuracyPath, 640, 420);
        return [lossPath, accuracyPath];
    }

    public static IReadOnlyList<string> SaveCurve(string dir, CourseNetwork network, Matrix x, Matrix y, CourseTraining training)
    {
        Directory.CreateDirectory(dir);
        var dense = new Matrix(1, 400);
        for (int i = 0; i < 400; i++) dense[0, i] = i / 399.0;
        var drawn = network.Forward(dense).A3;
        var curve = new Plot();
        curve.Title($"The network's curve after {training.Costs[^1].Iteration:N0} steps (cost {training.FinalCost:G3})");
        var target = curve.Add.Scatter(y.Row(0).ToArray(), y.Row(1).ToArray());
        target.LegendText = "training curve";
        target.LineWidth = 0;
        target.MarkerSize = 5;
        var learned = curve.Add.Scatter(drawn.Row(0).ToArray(), drawn.Row(1).ToArray());
        learned.LegendText = "network";
        learned.MarkerSize = 0;
        learned.LineWidth = 2;
        curve.Axes.SquareUnits();
        curve.ShowLegend();
        var curvePath = Path.Combine(dir, "curve.png");
        PlotFile.SavePng(curve, curvePath, 600, 600);

        var cost = new Plot();
        cost.Title("Cost during steepest descent");
        cost.Add.Scatter(training.Costs.Select(c => (double)c.Iteration).ToArray(), training.Costs.Select(c => Math.Log10(c.Cost)).ToArray());
        cost.Axes.Bottom.Label.Text = "iteration";
        cost.Axes.Left.Label.Text = "log₁₀ cost";
        var costPath = Path.Combine(dir, "cost.png");
        PlotFile.SavePng(cost, costPath, 640, 420);
        return [curvePath, costPath];
    }
}
