using System.Globalization;
using System.Text;

namespace MathForML.Data;

/// <summary>
/// Bounds for reading text: a line may not hold a NUL byte (binary data, or an endless device such as /dev/zero) and may
/// not grow beyond <see cref="MaxLineBytes"/> (a file with no line breaks would otherwise be read whole into one line,
/// until the buffer's length overflowed). Both are checked while a line is still being read, so that such input ends
/// at once with its place named, however long the stream.
/// </summary>
internal static class TextLimits
{
    /// <summary>The longest line a text reader accepts: 256 MiB (a row of ten million 25-character numbers).</summary>
    public const int MaxLineBytes = 256 << 20;

    /// <summary>Checks the part of line <paramref name="lineNumber"/> read so far (<paramref name="pending"/>, its bytes from its start).</summary>
    /// <exception cref="DataFileException">The line holds a NUL byte, or is already <see cref="MaxLineBytes"/> long.</exception>
    public static void CheckPendingLine(ReadOnlySpan<byte> pending, string name, int lineNumber)
    {
        int nul = pending.IndexOf((byte)0);
        // The column counts characters, as the text reader's does (a multi-byte UTF-8 character is one column).
        if (nul >= 0) throw new DataFileException(name, "binary data (a NUL byte) where text was expected", lineNumber, Encoding.UTF8.GetCharCount(pending[..nul]) + 1);
        if (pending.Length >= MaxLineBytes) throw LongLine(name, lineNumber, MaxLineBytes);
    }

    /// <summary>The longest line of a text edge list (two node ids and a comment): 1 MiB.</summary>
    public const int MaxEdgeLineBytes = 1 << 20;

    /// <summary>The error for a line longer than <paramref name="limit"/> bytes.</summary>
    public static DataFileException LongLine(string name, int lineNumber, int limit) =>
        new(name, string.Create(CultureInfo.InvariantCulture, $"line {lineNumber} is longer than {limit >> 20} MiB (not a text file, or an endless stream?)"), lineNumber, 1);
}
