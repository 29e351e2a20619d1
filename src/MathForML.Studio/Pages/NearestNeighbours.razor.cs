using System.Globalization;
using MathForML.Data;
using MathForML.Geometry;
using MathForML.Learning;
using MathForML.LinearAlgebra;
using MathForML.Plots;

namespace MathForML.Studio.Pages;

/// <summary>
/// PCA course, week 2 (inner products, distances, angles; k nearest neighbours): the iris flowers' decision regions
/// for a k the learner sets (<see cref="KNearestNeighbors"/>), a flower placed by a click, and the MNIST digits nearest
/// to a chosen one (<see cref="NearestRows"/>, <see cref="InnerProduct.Angle"/>).
/// </summary>
public sealed partial class NearestNeighbours
{
    /// <summary>The grid of the decision regions: sepal length 3.8 … 8.4 cm, width 1.5 … 4.9 cm, cells of 0.05 cm.</summary>
    internal const double XMin = 3.8, XMax = 8.4, YMin = 1.5, YMax = 4.9, Cell = 0.05;

    /// <summary>The iris flowers by their first two features (sepal length and width), as the course uses them.</summary>
    internal static readonly Iris Flowers = Iris.Load();

    /// <summary>The 150 flowers' sepal length and width (150×2).</summary>
    internal static readonly Matrix Sepals = Matrix.FromColumns(Flowers.Features.Column(0), Flowers.Features.Column(1));

    private static readonly KNearestNeighbors Classifier = KNearestNeighbors.Fit(Sepals, Flowers.Labels);
    private static readonly Matrix GridCentres = Centres();

    private double _k = 3;
    private int _trainingCorrect;
    private (double X, double Y)? _query;
    private double _typedLength = 6.0, _typedWidth = 3.0;
    private string _queryClass = "";
    private int[] _queryNeighbours = [];
    private Figure _iris = null!;
    private MnistDataSet? _mnist;
    private int _digit;
    private (int Index, double Distance, double Angle)[] _nearest = [];
    private Figure? _digits;
    private readonly CancellationTokenSource _closed = new();
    private Timer? _statusTimer;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        Classify();
        _ = LoadDigitsAsync();
    }

    private static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The centre of every grid cell, row by row from the bottom (y) and left to right (x).</summary>
    private static Matrix Centres()
    {
        int nx = (int)Math.Round((XMax - XMin) / Cell), ny = (int)Math.Round((YMax - YMin) / Cell);
        var centres = new Matrix(nx * ny, 2);
        for (int i = 0; i < ny; i++)
            for (int j = 0; j < nx; j++)
            {
                centres[i * nx + j, 0] = XMin + (j + 0.5) * Cell;
                centres[i * nx + j, 1] = YMin + (i + 0.5) * Cell;
            }
        return centres;
    }

    private void KChanged(double k)
    {
        _k = k;
        Classify();
    }

    private void Clicked(Components.Controls.FigurePointer pointer)
    {
        if (pointer.Phase != Components.Controls.PointerPhase.Down) return;
        _query = (Math.Round(pointer.Position.X, 2), Math.Round(pointer.Position.Y, 2));
        (_typedLength, _typedWidth) = _query.Value;
        Classify();
    }

    /// <summary>The flower typed in (the keyboard's way to place one), kept inside the picture.</summary>
    private void ClassifyTyped()
    {
        _query = (Math.Clamp(Math.Round(_typedLength, 2), XMin, XMax), Math.Clamp(Math.Round(_typedWidth, 2), YMin, YMax));
        Classify();
    }

    private void Classify()
    {
        int k = (int)_k;
        var predicted = Classifier.Predict(GridCentres, k);
        int nx = (int)Math.Round((XMax - XMin) / Cell), ny = predicted.Length / nx;
        var classes = new int[ny, nx];
        for (int i = 0; i < ny; i++)
            for (int j = 0; j < nx; j++)
                classes[i, j] = predicted[i * nx + j];
        var own = Classifier.Predict(Sepals, k);
        _trainingCorrect = own.Where((label, i) => label == Flowers.Labels[i]).Count();
        if (_query is { } q)
        {
            var query = Matrix.FromRows([q.X, q.Y]);
            _queryClass = Flowers.ClassNames[Classifier.Predict(query, k)[0]];
            _queryNeighbours = Classifier.Neighbors(query, k);
        }

        _iris = DecisionBoundaryPlot.Create($"Iris by sepal: k = {k}",
            new DecisionBoundaryPlot.Regions(XMin, XMax, YMin, YMax, classes),
            Sepals.Column(0).ToArray(), Sepals.Column(1).ToArray(), Flowers.Labels, Flowers.ClassNames,
            ("sepal length (cm)", "sepal width (cm)"), _query, _query is null ? null : _queryNeighbours);
    }

    private async Task LoadDigitsAsync()
    {
        _statusTimer = new Timer(_ => InvokeAsync(StateHasChanged), null, 250, 250);
        try
        {
            _mnist = await Course.Mnist().WaitAsync(_closed.Token);
            FindNearest();
        }
        catch (Exception e) when (e is IOException or DataFileException or ChecksumMismatchException or UnauthorizedAccessException or OperationCanceledException)
        {
            // The status line says what failed.
        }
        finally
        {
            _statusTimer?.Dispose();
        }

        if (!_closed.IsCancellationRequested) await InvokeAsync(StateHasChanged);
    }

    private void DigitChanged(Microsoft.AspNetCore.Components.ChangeEventArgs e)
    {
        if (_mnist is null || !int.TryParse(e.Value?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out int digit) || digit >= _mnist.Count)
            return;
        _digit = digit;
        FindNearest();
    }

    private void FindNearest()
    {
        var images = _mnist!.Images;
        var query = images.Row(_digit);
        _nearest = NearestRows.Find(images, query, 5, exclude: _digit)
            .Select(r => (r.Index, r.Distance, InnerProduct.Dot.Angle(query, images.Row(r.Index)))).ToArray();
        var strip = new Matrix(6, images.Columns);
        query.AsSpan().CopyTo(strip.RowSpan(0));
        for (int i = 0; i < 5; i++) images.RowSpan(_nearest[i].Index).CopyTo(strip.RowSpan(i + 1));
        _digits = ImagePlots.Strip($"#{_digit} and its five nearest digits", strip, Data.Mnist.Side,
            [$"#{_digit}", .. _nearest.Select(n => $"#{n.Index}")]) with
        { Width = 540, Height = 175 };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
        _statusTimer?.Dispose();
    }
}
