using System.Globalization;

namespace MathForML.Numerics;

/// <summary>
/// The memory one piece of work may plan for: half of what the garbage collector may use
/// (<see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/>: the machine's memory or the container's limit). Sizes that
/// drive allocations are checked against it before any work starts, so that an impossible request ends with a message
/// naming it rather than an out-of-memory failure halfway (or an int overflow in an array length).
/// </summary>
internal static class MemoryBudget
{
    /// <summary>Half the memory this process may use, in bytes.</summary>
    public static long Bytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> on <paramref name="paramName"/> when <paramref name="bytes"/>
    /// exceed <see cref="Bytes"/> or one of the arrays (<paramref name="largestArray"/> elements) exceeds
    /// <see cref="Array.MaxLength"/>. The message says what was asked (<paramref name="what"/>), the limit, and
    /// <paramref name="hint"/> when given.
    /// </summary>
    public static void Require(double bytes, double largestArray, string paramName, string what, string? hint = null)
    {
        long budget = Bytes;
        if (bytes <= budget && largestArray <= Array.MaxLength) return;
        string limit = largestArray > Array.MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"one array of {largestArray:N0} elements, more than the {Array.MaxLength:N0} .NET allows")
            : string.Create(CultureInfo.InvariantCulture, $"{Gigabytes(bytes)}, more than the {Gigabytes(budget)} this process may plan for (half of what it may use)");
        throw new ArgumentOutOfRangeException(paramName, $"{what} would need {limit}.{(hint is null ? "" : " " + hint)}");
    }

    private static string Gigabytes(double bytes) =>
        bytes >= 1e12 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e12:N1} TB") : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:N1} GB");
}
