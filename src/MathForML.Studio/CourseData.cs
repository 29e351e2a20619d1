using MathForML.Data;
using MathForML.Numerics;

namespace MathForML.Studio;

/// <summary>
/// The course's larger data sets, loaded once per Studio in the background and shared by the pages that use them:
/// the MNIST digits in the course's units and order (<see cref="MnistDataSet.InCourseUnits"/>,
/// <see cref="MnistDataSet.InCourseOrder"/>), fetched on first use as <c>mml</c> fetches them.
/// </summary>
public sealed class CourseData
{
    private readonly Lock _lock = new();
    private Task<MnistDataSet>? _mnist;
    private volatile string _mnistStatus = "not loaded";

    /// <summary>What the MNIST load is doing ("fetching … 40 %", "ready: 10000 digits", or the error).</summary>
    public string MnistStatus => _mnistStatus;

    /// <summary>The digits, loading them on the thread pool on the first call; later calls share the same task.</summary>
    public Task<MnistDataSet> Mnist()
    {
        lock (_lock)
        {
            return _mnist ??= Task.Run(() =>
            {
                _mnistStatus = "loading the MNIST digits";
                var progress = new Progress<WorkProgress>(p => _mnistStatus = $"{p.Stage} {p.Fraction:P0}");
                try
                {
                    var set = Data.Mnist.Load(progress: progress).InCourseUnits().InCourseOrder();
                    _mnistStatus = $"ready: {set.Count} digits ({set.Source})";
                    return set;
                }
                catch (Exception e) when (e is IOException or DataFileException or ChecksumMismatchException or UnauthorizedAccessException)
                {
                    _mnistStatus = $"could not load the digits: {e.Message}";
                    lock (_lock) _mnist = null;   // a later visit tries again
                    throw;
                }
            });
        }
    }
}
