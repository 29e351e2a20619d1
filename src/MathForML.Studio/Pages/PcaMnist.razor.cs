using System.Diagnostics;
using System.Globalization;
using MathForML.Data;
using MathForML.DimensionalityReduction;
using MathForML.LinearAlgebra;
using MathForML.Plots;

namespace MathForML.Studio.Pages;

/// <summary>
/// PCA course, week 4 (PCA of MNIST): N digits spread over the set (pixels / 255) fitted in the background
/// (<see cref="Pca.Fit"/>, covariance solver), reconstructions from K components, the spectrum, the eigen-images, the
/// digits on the first two components, and the N &lt; D trick (<see cref="PcaSolver.Gram"/>) beside the direct way.
/// </summary>
public sealed partial class PcaMnist
{
    /// <summary>The choices of N.</summary>
    internal static readonly int[] Counts = [500, 1000, 2000, 5000, 10000];

    private readonly CancellationTokenSource _closed = new();
    private CancellationTokenSource? _fitting;
    private MnistDataSet? _mnist;
    private int _count = 1000;
    private double _k = 10;
    private MnistDataSet? _x;
    private Pca? _pca;
    private string _status = "";
    private double _explained, _mse;
    private Figure? _reconstructions, _spectrum, _components, _scatter;
    private (Pca Covariance, Pca Gram, double Difference)? _trick;

    /// <summary>
    /// <paramref name="count"/> digits spread evenly over the set (every (10000/N)-th: in the course's order the digits
    /// are sorted by label, and the first thousand are all zeros), pixels 0 … 255 divided by 255 as the course fits them.
    /// </summary>
    internal static MnistDataSet Digits(MnistDataSet mnist, int count)
    {
        int stride = Math.Max(1, mnist.Count / count);
        var picked = mnist.Select(Enumerable.Range(0, Math.Min(count, mnist.Count)).Select(i => i * stride).ToArray());
        return new MnistDataSet(picked.Images * (1.0 / 255), picked.Labels, picked.Source);
    }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _status = Course.MnistStatus;
        using var ticker = new Timer(_ => InvokeAsync(() => { if (_mnist is null) { _status = Course.MnistStatus; StateHasChanged(); } }), null, 250, 250);
        try
        {
            _mnist = await Course.Mnist().WaitAsync(_closed.Token);
        }
        catch (Exception e) when (e is IOException or DataFileException or ChecksumMismatchException or UnauthorizedAccessException or OperationCanceledException)
        {
            _status = Course.MnistStatus;
            return;
        }

        await FitAsync();
    }

    private async Task CountChanged(Microsoft.AspNetCore.Components.ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && Counts.Contains(n))
        {
            _count = n;
            await FitAsync();
        }
    }

    /// <summary>Fits N digits on the thread pool (a new N cancels a fit under way), then draws.</summary>
    private async Task FitAsync()
    {
        if (_mnist is null) return;
        _fitting?.Cancel();
        var fitting = _fitting = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
        int count = Math.Min(_count, _mnist.Count);
        _status = $"fitting {count} digits…";
        var x = Digits(_mnist, count);
        var watch = Stopwatch.StartNew();
        try
        {
            var pca = await Task.Run(() => Pca.Fit(x.Images, new PcaOptions { Solver = PcaSolver.Covariance }, cancellationToken: fitting.Token), fitting.Token);
            (_x, _pca) = (x, pca);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _status = $"PCA of {count} digits (784 pixels each), fitted in {watch.Elapsed.TotalSeconds:0.00} s.";
        _components = PcaPlots.Components(_pca, Data.Mnist.Side);
        _scatter = PcaPlots.Scatter(_pca, _x!.Images, _x.Labels) with { Width = 560, Height = 500 };
        Draw();
    }

    private void KChanged(double k)
    {
        _k = k;
        if (_pca is not null) Draw();
    }

    private void Draw()
    {
        int k = (int)_k;
        var pca = _pca!;
        _explained = pca.ExplainedVarianceRatio.AsSpan()[..k].ToArray().Sum();
        _mse = pca.ReconstructionError(k);
        _reconstructions = ReconstructionPlot.Create(pca, _x!.Images, _x.Labels, Data.Mnist.Side, k);
        _spectrum = PcaPlots.Spectrum(pca, k, shown: 100) with { Width = 560, Height = 380 };
    }

    private void CompareSolvers()
    {
        var x = Digits(_mnist!, 40).Images;
        var covariance = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Covariance, Components = 40 });
        var gram = Pca.Fit(x, new PcaOptions { Solver = PcaSolver.Gram, Components = 40 });
        double difference = 0;
        for (int i = 0; i < 40; i++) difference = Math.Max(difference, Math.Abs(covariance.Eigenvalues[i] - gram.Eigenvalues[i]));
        _trick = (covariance, gram, difference);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
    }
}
