namespace MathForML.Data;

/// <summary>
/// A read-only pass-through stream for readers that split lines themselves (<see cref="StreamReader.ReadLine()"/>):
/// it counts the bytes since the last line break ('\n' or '\r', which also end lines in UTF-16 and UTF-32 text) and
/// throws <see cref="TextLimits.LongLine"/> once a line reaches maxLineBytes (by default <see cref="TextLimits.MaxLineBytes"/>), so an endless
/// line (/dev/zero, a file without breaks) ends with a message instead of filling memory.
/// </summary>
internal sealed class LineLengthGuardStream(Stream inner, string name, bool leaveOpen = false, int maxLineBytes = TextLimits.MaxLineBytes) : Stream
{
    private long _lineBytes;
    private int _lineBreaks;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        var read = buffer[..n];
        int last = read.LastIndexOfAny((byte)'\n', (byte)'\r');
        if (last < 0)
        {
            _lineBytes += n;
        }
        else
        {
            _lineBreaks += read.Count((byte)'\n');
            _lineBytes = n - last - 1;
        }

        if (_lineBytes >= maxLineBytes) throw TextLimits.LongLine(name, _lineBreaks + 1, maxLineBytes);
        return n;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen) inner.Dispose();
        base.Dispose(disposing);
    }
}
