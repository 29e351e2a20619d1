using System.Buffers.Binary;
using System.Text;

namespace MathForML.Tests.Reliability;

/// <summary>
/// Seeded random mutations of valid seed files, for fuzzing the file readers: bit flips, bytes overwritten with
/// interesting values (0, 0xFF, 0x7F, 0x80), ranges inserted, deleted or duplicated, truncation, splicing two seeds,
/// tokens of the format inserted or overwritten, ASCII numbers and binary int32 fields replaced by extreme values.
/// Input <c>i</c> depends only on the seed, the seed files and <c>i</c>, so one failing input can be made again alone.
/// </summary>
internal sealed class Mutator(IReadOnlyList<byte[]> seeds, ulong seed, IReadOnlyList<string>? tokens = null)
{
    private static readonly byte[] InterestingBytes = [0, 0xFF, 0x7F, 0x80, 1, 0xFE, (byte)'0', (byte)'9', (byte)'-', (byte)'.', (byte)',', (byte)' ', (byte)'\n', (byte)'e'];
    private static readonly int[] InterestingInts = [0, 1, -1, 2, 255, 256, 65535, 65536, int.MaxValue, int.MinValue, 0x7FFFFFFE, 0x40000000, 0x01000000, 1 << 20];
    private static readonly string[] InterestingNumbers = ["0", "-1", "1e308", "1e400", "NaN", "-Infinity", "2147483647", "2147483648", "4294967296", "99999999999999999999", "1099511627776", "-0", "0x10"];

    private readonly byte[][] _tokens = (tokens ?? []).Select(Encoding.UTF8.GetBytes).ToArray();

    public ulong Seed { get; } = seed;

    /// <summary>The <paramref name="index"/>-th mutated input: one of the seeds with one to four mutations stacked.</summary>
    public byte[] Next(long index)
    {
        var random = new SplitMix64(Seed ^ (0x9E3779B97F4A7C15UL * (ulong)(index + 1)));
        var data = new List<byte>(seeds[random.Below(seeds.Count)]);
        int mutations = 1 + random.Below(4);
        for (int m = 0; m < mutations; m++) Mutate(data, ref random);
        return [.. data];
    }

    private void Mutate(List<byte> data, ref SplitMix64 random)
    {
        int kind = random.Below(_tokens.Length > 0 ? 11 : 10);
        if (data.Count == 0 && kind != 2 && kind != 6) kind = 2;
        switch (kind)
        {
            case 0: // flip one to eight bits
                for (int i = 1 + random.Below(8); i > 0; i--) data[random.Below(data.Count)] ^= (byte)(1 << random.Below(8));
                break;
            case 1: // overwrite bytes with interesting values
                for (int i = 1 + random.Below(4); i > 0; i--) data[random.Below(data.Count)] = InterestingBytes[random.Below(InterestingBytes.Length)];
                break;
            case 2: // insert random or interesting bytes
                {
                    int at = random.Below(data.Count + 1), n = 1 + random.Below(16);
                    var bytes = new byte[n];
                    for (int i = 0; i < n; i++) bytes[i] = random.Below(2) == 0 ? (byte)random.Below(256) : InterestingBytes[random.Below(InterestingBytes.Length)];
                    data.InsertRange(at, bytes);
                    break;
                }
            case 3: // delete a range
                {
                    int at = random.Below(data.Count), n = 1 + random.Below(Math.Min(64, data.Count - at));
                    data.RemoveRange(at, n);
                    break;
                }
            case 4: // duplicate a range
                {
                    int at = random.Below(data.Count), n = 1 + random.Below(Math.Min(64, data.Count - at));
                    data.InsertRange(random.Below(data.Count + 1), data.GetRange(at, n));
                    break;
                }
            case 5: // truncate
                {
                    int keep = random.Below(data.Count);
                    data.RemoveRange(keep, data.Count - keep);
                    break;
                }
            case 6: // splice: a prefix of this input and a suffix of another seed
                {
                    var other = seeds[random.Below(seeds.Count)];
                    int keep = random.Below(data.Count + 1), from = random.Below(other.Length + 1);
                    data.RemoveRange(keep, data.Count - keep);
                    data.AddRange(other.AsSpan(from).ToArray());
                    break;
                }
            case 7: // a binary int32 field (4-byte aligned, either byte order) set to an extreme value
                {
                    if (data.Count < 4) goto case 0;
                    int at = random.Below(data.Count / 4) * 4;
                    var field = new byte[4];
                    int value = InterestingInts[random.Below(InterestingInts.Length)];
                    if (random.Below(2) == 0) BinaryPrimitives.WriteInt32BigEndian(field, value);
                    else BinaryPrimitives.WriteInt32LittleEndian(field, value);
                    for (int i = 0; i < 4; i++) data[at + i] = field[i];
                    break;
                }
            case 8: // an ASCII number replaced by an extreme one
                {
                    int start = FindDigit(data, random.Below(data.Count));
                    if (start < 0) goto case 2;
                    int end = start;
                    while (end < data.Count && (char.IsAsciiDigit((char)data[end]) || data[end] is (byte)'.' or (byte)'e' or (byte)'-')) end++;
                    data.RemoveRange(start, end - start);
                    data.InsertRange(start, Encoding.ASCII.GetBytes(InterestingNumbers[random.Below(InterestingNumbers.Length)]));
                    break;
                }
            case 9: // bytes from one place copied over another
                {
                    int from = random.Below(data.Count), to = random.Below(data.Count);
                    int n = 1 + random.Below(Math.Min(16, Math.Min(data.Count - from, data.Count - to)));
                    for (int i = 0; i < n; i++) data[to + i] = data[from + i];
                    break;
                }
            default: // a token of the format inserted or written over
                {
                    var token = _tokens[random.Below(_tokens.Length)];
                    int at = random.Below(data.Count + 1);
                    if (random.Below(2) == 0 || at + token.Length > data.Count) data.InsertRange(at, token);
                    else for (int i = 0; i < token.Length; i++) data[at + i] = token[i];
                    break;
                }
        }
    }

    private static int FindDigit(List<byte> data, int from)
    {
        for (int k = 0; k < data.Count; k++)
        {
            int i = (from + k) % data.Count;
            if (char.IsAsciiDigit((char)data[i])) return i;
        }
        return -1;
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): small, fast, and the same on every platform and .NET version.</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public int Below(int n)
        {
            _state += 0x9E3779B97F4A7C15UL;
            ulong z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return n <= 1 ? 0 : (int)(z % (ulong)n);
        }
    }
}
