using System.Globalization;
using MathForML.LinearAlgebra;

namespace MathForML.Cli;

/// <summary>Human-readable matrices and vectors: right-aligned columns, 6 significant digits, big ones elided with "…".</summary>
internal static class MatrixPrinter
{
    private const int MaxShown = 12;

    public static void Print(TextWriter w, string title, Matrix m)
    {
        w.WriteLine($"{title} ({m.Rows}×{m.Columns}):");
        var rows = Indices(m.Rows);
        var cols = Indices(m.Columns);
        var cells = rows.Select(i => cols.Select(j => i < 0 || j < 0 ? "…" : Format(m[i, j])).ToArray()).ToList();
        int width = cells.Count == 0 ? 1 : cells.Max(r => r.Length == 0 ? 1 : r.Max(c => c.Length));
        foreach (var r in cells) w.WriteLine("  " + string.Join("  ", r.Select(c => c.PadLeft(width))));
    }

    public static void Print(TextWriter w, string title, Vector v) =>
        w.WriteLine($"{title}: [{string.Join(", ", Indices(v.Length).Select(i => i < 0 ? "…" : Format(v[i])))}]");

    public static string Format(double x)
    {
        if (x == 0) return "0";
        return x.ToString("G6", CultureInfo.InvariantCulture);
    }

    private static int[] Indices(int count) =>
        count <= MaxShown ? Enumerable.Range(0, count).ToArray()
            : [.. Enumerable.Range(0, MaxShown / 2), -1, .. Enumerable.Range(count - MaxShown / 2, MaxShown / 2)];
}
