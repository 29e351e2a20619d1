using MathForML.NeuralNetworks;
using MathForML.Plots;

namespace MathForML.Cli.Tour;

/// <summary>
/// The Multivariate Calculus course's backpropagation assignment: the 1-6-7-2 sigmoid network learns to draw the
/// heart curve of the course's <c>training_data()</c> (<see cref="CurveData.CourseTrainingData"/>), t ↦ (x₁(t), x₂(t)), by steepest descent on the squared error with the gradients that backpropagation
/// gives (the course's Jacobians ∂C/∂W⁽ᴸ⁾ and ∂C/∂b⁽ᴸ⁾, chained layer by layer).
/// </summary>
internal sealed class NeuralNetworkStep : ITourStep
{
    private const double Aggression = 7;
    private const ulong Seed = 1;

    public string Name => "neural-network";

    public string Title => "Backpropagation: the course's 1-6-7-2 network learns to draw a curve";

    public object Run(TourStepContext c)
    {
        int iterations = c.Quick ? 10_000 : 50_000;
        var (x, y) = CurveData.CourseTrainingData();
        var network = new CourseNetwork(Seed);
        CourseTraining training;
        using (var stage = c.Display.Start($"training, {iterations:N0} steps"))
            training = network.Train(x, y, iterations, Aggression, recordEvery: iterations / 100, progress: stage, cancellationToken: c.Cancellation);
        c.AddPlots(TrainingPlots.SaveCourse(c.Directory, network, y, training));
        c.Say($"the course's heart curve (training_data), {x.Columns} points: cost {training.Costs[0].Cost:G4} → {training.FinalCost:G4} after {iterations:N0} steepest-descent steps (aggression {Aggression})");
        return new
        {
            layers = new[] { 1, 6, 7, 2 },
            iterations,
            aggression = Aggression,
            initial_cost = training.Costs[0].Cost,
            final_cost = training.FinalCost,
        };
    }
}
