using System.Globalization;

namespace MathForML.Studio.Components;

/// <summary>How the Studio's pages write numbers: invariant culture, and no sign on a value that rounds to zero.</summary>
public static class Numbers
{
    /// <summary>x in <paramref name="format"/>; −0 and tiny negatives that round to zero show as 0 (“0.000000”, not “-0.000000”).</summary>
    public static string Format(double x, string format)
    {
        string s = x.ToString(format, CultureInfo.InvariantCulture);
        return s.StartsWith('-') && s.Skip(1).All(c => c is '0' or '.') ? s[1..] : s;
    }

    /// <summary>
    /// Reads a number the learner typed into an input (invariant culture, as the inputs show them); false for text that is
    /// not a number, NaN or ±∞, which the pages ignore (the input keeps the last good value).
    /// </summary>
    public static bool TryParse(Microsoft.AspNetCore.Components.ChangeEventArgs e, out double value) =>
        double.TryParse(e?.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
