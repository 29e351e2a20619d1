using System.Globalization;
using System.Text;

namespace MathForML.Cli;

/// <summary>
/// Text made safe to print on a terminal: control characters (C0 but for none, DEL, C1) that came from a path, a file
/// or an argument are written as <c>\x1b</c>-style escapes, so a hostile name cannot move the cursor, change the
/// window title (OSC) or set the clipboard (OSC 52) through an error line.
/// </summary>
internal static class TerminalText
{
    /// <summary><paramref name="text"/> with every control character escaped.</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = text.AsSpan().IndexOfAnyInRange('\0', '\x1f');
        if (first < 0 && !text.AsSpan().ContainsAnyInRange('\x7f', '\x9f')) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            else sb.Append(c);
        }

        return sb.ToString();
    }
}
