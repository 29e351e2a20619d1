using System.Text;
using MathForML.Data;

namespace MathForML.Tests.Data;

/// <summary>
/// The byte reader of text matrices against the text reader it speeds up (<see cref="TextMatrixFile"/> through a
/// <see cref="StreamReader"/>, the reference): the same values bit for bit, the same header, or the same error with the
/// same line and column, for every input below, every option set, and blocks from 1 byte up, so that every line break,
/// byte-order mark and long line also falls across a block boundary.
/// </summary>
public class TextMatrixBytesTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "plain csv", "1,2,3\n4,5,6\n" },
        { "crlf", "1,2,3\r\n4,5,6\r\n7,8,9" },
        { "cr only", "1,2\r3,4\r5,6\r" },
        { "mixed breaks and blank lines", "1,2\n\r\n3,4\r\r\n  \n5,6\n\n" },
        { "utf-8 bom", "\uFEFF1,2\n3,4\n" },
        { "header", "a,b,c\n1,2,3\n4,5,6\n" },
        { "quoted header and index", "\"\",\"x, y\",\"z\"\"q\"\n\"r1\",1.5,2\n\"r2\",3,4e-3\n" },
        { "comments", "# a comment\n1,2 # trailing\n3,4\n#\n" },
        { "whitespace separated", "1 2\t3\n  4   5 6  \n7\t8\t9\n" },
        { "spaces around commas", " 1 , 2 ,3\n4,\t5 , 6 \n" },
        { "long numbers", "0.12345678901234567,-1.7976931348623157e308,4.9406564584124654e-324\n1e-310,2.2250738585072014e-308,-0\n" },
        { "integers and signs", "+1,-2,0003\n.5,5.,-.25e+2\n" },
        { "missing value", "1,2\n3,\n5,6\n" },
        { "missing markers", "1,NA\nNaN,2\n3,4\n" },
        { "infinity", "1,2\n3,Infinity\n" },
        { "overflow", "1,2\n1e400,3\n" },
        { "not a number", "1,2\n3,x4\n" },
        { "short row", "1,2,3\n4,5\n" },
        { "long row", "1,2\n3,4,5\n" },
        { "nul byte", "1,2\n3,\u00004\n" },
        { "non-ascii", "1,2\n3,4é\n" },
        { "non-ascii digits", "1,2\n3,\u0664\n" },
        { "unterminated quote", "1,2\n\"3,4\n" },
        { "only a header", "a,b\n" },
        { "only comments", "# nothing\n\n" },
        { "empty", "" },
        { "bom only", "\uFEFF" },
        { "last line without break", "1,2\n3,4" },
        { "many columns", string.Join(',', Enumerable.Range(0, 300).Select(i => (i * 0.37).ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "\n" + string.Join(',', Enumerable.Range(0, 300)) },
        { "vertical tab", "1,2\n3\v,4\n" },
        { "index column text", "r1,1,2\nrow two,3,4\n" },
    };

    private static readonly TextMatrixReadOptions[] OptionSets =
    [
        TextMatrixReadOptions.Default,
        new() { Missing = MissingValues.DropRow },
        new() { IndexColumn = 0 },
        new() { Header = true },
        new() { Header = false, Missing = MissingValues.DropRow },
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void TheByteReaderAnswersAsTheTextReader(string what, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var options in OptionSets)
        {
            var expected = Outcome(() => TextMatrixFile.Read(new StreamReader(new MemoryStream(bytes), Encoding.UTF8, true), "m.csv", options, out var h) is var m ? (m, h) : default);
            foreach (int block in new[] { 1, 2, 3, 4, 5, 7, 11, 64, TextMatrixBytes.BlockBytes })
            {
                var actual = Outcome(() => TextMatrixBytes.Read(new MemoryStream(bytes), "m.csv", options, out var h, block) is var m ? (m, h) : default);
                Assert.True(expected == actual, $"{what}, {options}, blocks of {block}:\n expected {expected}\n actual   {actual}");
            }
        }
    }

    [Fact]
    public void WideTextGoesThroughTheTextReader()
    {
        foreach (var encoding in new Encoding[] { Encoding.Unicode, Encoding.BigEndianUnicode, new UTF32Encoding(false, true), new UTF32Encoding(true, true) })
        {
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("a,b\n1,2\n3,4\n")).ToArray();
            var m = TextMatrixFile.Read(new MemoryStream(bytes), "wide.csv", TextMatrixReadOptions.Default, out var header);
            Assert.Equal(["a", "b"], header);
            Assert.Equal([1.0, 2, 3, 4], m.ToArray());
        }
    }

    [Fact]
    public void ALargeFileReadsInBlocksAndReservesAhead()
    {
        var rng = new Random(5);
        var sb = new StringBuilder("x,y,z\n");
        var expected = new List<double>();
        for (int i = 0; i < 100_000; i++)
        {
            double a = rng.NextDouble() * 1e6 - 5e5, b = Math.Round(rng.NextDouble(), 3), c = rng.Next(-100, 100);
            expected.AddRange([a, b, c]);
            sb.Append(a.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(b.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',').Append(c).Append(i % 3 == 0 ? "\r\n" : "\n");
        }
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.True(bytes.Length > 2 * TextMatrixBytes.BlockBytes);
        var m = TextMatrixBytes.Read(new MemoryStream(bytes), "big.csv", TextMatrixReadOptions.Default, out var header);
        Assert.Equal(["x", "y", "z"], header);
        Assert.Equal(100_000, m.Rows);
        Assert.Equal(expected, m.ToArray());
    }

    /// <summary>The values' bits and the header, or the exception's type and message.</summary>
    private static string Outcome(Func<(MathForML.LinearAlgebra.Matrix Matrix, IReadOnlyList<string>? Header)> read)
    {
        try
        {
            var (m, header) = read();
            var bits = string.Join(' ', m.ToArray().Select(v => BitConverter.DoubleToInt64Bits(v).ToString("x16", System.Globalization.CultureInfo.InvariantCulture)));
            return $"{m.Rows}×{m.Columns} [{(header is null ? "no header" : string.Join('|', header))}] {bits}";
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
