using MathForML.Data;
using MathForML.Randomness;

namespace MathForML.Tests.Randomness;

/// <summary>
/// <see cref="NumPyRandom"/> against NumPy's legacy RandomState, to the bit, on the streams stored by
/// Reference/numpy-random/make_streams.py (seeds 0, 1, 42, 2³²−1; 10⁴ draws of each method).
/// </summary>
public class NumPyRandomTests
{
    private const int N = 10_000;

    public static TheoryData<uint> Seeds => new() { 0u, 1u, 42u, 4294967295u };

    private static double[] Doubles(uint seed, string name) => NpyFile.Read<double>(ReferenceData.PathOf("numpy-random", $"seed-{seed}", name + ".npy")).Data;

    private static long[] Longs(uint seed, string name) => NpyFile.Read<long>(ReferenceData.PathOf("numpy-random", $"seed-{seed}", name + ".npy")).Data;

    /// <summary>Equal to the bit: the same length and every double's 64 bits equal (NaN payloads and −0 included).</summary>
    private static void AssertBits(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
                Assert.Fail($"draw {i}: NumPy {expected[i]:R} ({BitConverter.DoubleToInt64Bits(expected[i]):X16}), ours {actual[i]:R} ({BitConverter.DoubleToInt64Bits(actual[i]):X16})");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void SeedingGivesNumPysKey(uint seed)
    {
        var random = new NumPyRandom(seed);
        Assert.Equal(Longs(seed, "state"), random.Key.Select(k => (long)k).ToArray());
        Assert.Equal(624, random.Position);
    }

    [Fact]
    public void SeedingOffByOneFails()
    {
        // Seeds 0 and 1 give unrelated streams: a seeding that used s + 1 (or s − 1), or the recurrence's i off by one,
        // would give seed 1's key for seed 0 (or neither), and these comparisons would fail.
        Assert.Equal(Longs(1, "state"), new NumPyRandom(1).Key.Select(k => (long)k).ToArray());
        Assert.NotEqual(Longs(1, "state"), new NumPyRandom(0).Key.Select(k => (long)k).ToArray());
        Assert.NotEqual(Longs(0, "state"), new NumPyRandom(1).Key.Select(k => (long)k).ToArray());
        AssertBits(Doubles(42, "random_sample")[..5], new NumPyRandom(42).Rand(5));
        Assert.NotEqual(Doubles(42, "random_sample")[..5], new NumPyRandom(41).Rand(5));
        Assert.NotEqual(Doubles(42, "random_sample")[..5], new NumPyRandom(43).Rand(5));
        // The second word of the key pins the recurrence: 1812433253·(s ⊕ (s ≫ 30)) + 1 for s = 42, by hand.
        Assert.Equal(unchecked((1812433253U * 42U) + 1U), new NumPyRandom(42).Key[1]);
    }

    [Fact]
    public void TheFirstDrawOfSeed0IsNumPysDocumentedValue()
    {
        // np.random.seed(0); np.random.rand() = 0.5488135039273248, the value NumPy's own tests and countless tutorials show.
        Assert.Equal(0.5488135039273248, new NumPyRandom(0).RandomSample());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomSampleIsNumPys(uint seed) => AssertBits(Doubles(seed, "random_sample"), new NumPyRandom(seed).Rand(N));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandnIsNumPys(uint seed) => AssertBits(Doubles(seed, "randn"), new NumPyRandom(seed).Randn(N));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StandardCauchyIsNumPys(uint seed) => AssertBits(Doubles(seed, "standard_cauchy"), new NumPyRandom(seed).StandardCauchy(N));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void UniformIsNumPys(uint seed) => AssertBits(Doubles(seed, "uniform"), new NumPyRandom(seed).Uniform(-3.0, 5.0, N));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void NormalIsNumPys(uint seed) => AssertBits(Doubles(seed, "normal"), new NumPyRandom(seed).Normal(10.0, 2.5, N));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandIntIsNumPysOnEveryPath(uint seed)
    {
        Assert.Equal(Longs(seed, "randint-10"), new NumPyRandom(seed).RandInt(0, 10, N));
        Assert.Equal(Longs(seed, "randint-signed"), new NumPyRandom(seed).RandInt(-1000, 1001, N));
        Assert.Equal(Longs(seed, "randint-2to32"), new NumPyRandom(seed).RandInt(0, 1L << 32, N));
        Assert.Equal(Longs(seed, "randint-2to40"), new NumPyRandom(seed).RandInt(-(1L << 40), (1L << 40) + 7, N));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandIntOneAtATimeIsTheSameStream(uint seed)
    {
        var random = new NumPyRandom(seed);
        var expected = Longs(seed, "randint-signed");
        for (int i = 0; i < 100; i++) Assert.Equal(expected[i], random.RandInt(-1000, 1001));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PermutationIsNumPys(uint seed)
    {
        var random = new NumPyRandom(seed);
        var ours = Enumerable.Range(1, 140).SelectMany(random.Permutation).Select(v => (long)v).ToArray();
        Assert.Equal(Longs(seed, "permutation"), ours);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ShuffleIsNumPys(uint seed)
    {
        var values = Enumerable.Range(0, N).Select(i => 0.5 * i).ToArray();
        new NumPyRandom(seed).Shuffle(values.AsSpan());
        AssertBits(Doubles(seed, "shuffle"), values);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void InterleavedCallsShareTheGaussCacheAsNumPys(uint seed)
    {
        // The cycle of make_streams.py's INTERLEAVED: an odd number of randn calls leaves a cached normal that the
        // next randn, normal or standard_cauchy takes, whatever uniform or integer draws come between.
        var random = new NumPyRandom(seed);
        var ours = new List<double>();
        for (int k = 0; k < N; k++)
        {
            switch (k % 12)
            {
                case 0: ours.Add(random.StandardNormal()); break;
                case 1: ours.Add(random.RandomSample()); break;
                case 2: ours.Add(random.StandardNormal()); break;
                case 3: ours.Add(random.StandardNormal()); break;
                case 4: ours.Add(random.RandInt(0, 7)); break;
                case 5: ours.Add(random.StandardCauchy()); break;
                case 6: ours.Add(random.Uniform(-1.0, 1.0)); break;
                case 7: ours.Add(random.Normal(2.0, 3.0)); break;
                case 8: ours.Add(random.RandInt(3, 4)); break;
                case 9: ours.AddRange(random.Permutation(4).Select(v => (double)v)); break;
                case 10: ours.Add(random.RandInt(-(1L << 40), 1L << 40)); break;
                default:
                    var list = new double[] { 0, 1, 2 };
                    random.Shuffle(list.AsSpan());
                    ours.AddRange(list);
                    break;
            }
        }
        AssertBits(Doubles(seed, "interleaved"), [.. ours]);
    }

    [Fact]
    public void MatricesAreFilledInCOrder()
    {
        // np.random.seed(42); np.random.rand(25, 400) is random_sample(10000) reshaped row by row; randn likewise.
        var rand = new NumPyRandom(42).Rand(25, 400);
        Assert.Equal((25, 400), (rand.Rows, rand.Columns));
        AssertBits(Doubles(42, "random_sample"), rand.ToArray());
        AssertBits(Doubles(0, "randn")[..(7 * 3)], new NumPyRandom(0).Randn(7, 3).ToArray());
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => new NumPyRandom(0).Rand(-1, 2)).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => new NumPyRandom(0).Randn(2, -1)).ParamName);
    }

    [Fact]
    public void SameSeedSameStream()
    {
        Assert.Equal(new NumPyRandom(7).Randn(101), new NumPyRandom(7).Randn(101));
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        var random = new NumPyRandom(0);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => random.RandInt(5, 5)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => random.RandInt(0)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => random.RandInt(3, 2, 4)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => random.RandInt(0, 2, -1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => random.Rand(-1)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => random.Randn(-1)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => random.Permutation(-1)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => random.Normal(0, -1)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => random.Normal(0, -0.0)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => random.Normal(0, double.NaN, 3)).ParamName);
        Assert.Equal("loc", Assert.Throws<ArgumentOutOfRangeException>(() => random.Normal(double.NaN, 1)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => random.Uniform(-double.MaxValue, double.MaxValue)).ParamName);
        Assert.Equal("high", Assert.Throws<ArgumentOutOfRangeException>(() => random.Uniform(0, double.PositiveInfinity, 2)).ParamName);
        // A rejected call draws nothing: the stream goes on as if it had not been made.
        AssertBits(new NumPyRandom(0).Rand(3), random.Rand(3));
    }

    [Fact]
    public void EmptyAndSingleShufflesDrawNothing()
    {
        var random = new NumPyRandom(3);
        random.Shuffle(Span<int>.Empty);
        random.Shuffle(new int[1].AsSpan());
        Assert.Empty(random.Permutation(0));
        Assert.Equal([0], random.Permutation(1));
        Assert.Equal(new NumPyRandom(3).NextUInt32(), random.NextUInt32());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ChoiceIsNumPys(uint seed)
    {
        // Reference/numpy-random/make_choice.py: the cycle choice((1, 3)), random(), choice(FIVE), choice(SEVEN), choice((4,)).
        var reference = ReferenceData.Json("numpy-random", "choice.json");
        var draws = reference.GetProperty("draws").GetProperty(seed.ToString(System.Globalization.CultureInfo.InvariantCulture)).EnumerateArray().ToArray();
        int[] five = reference.GetProperty("five").ToInts(), seven = reference.GetProperty("seven").ToInts();
        var random = new NumPyRandom(seed);
        for (int k = 0; k < draws.Length; k += 5)
        {
            Assert.Equal(draws[k].GetInt32(), random.Choice<int>([1, 3]));
            Assert.Equal(double.Parse(draws[k + 1].GetString()!, System.Globalization.CultureInfo.InvariantCulture), random.RandomSample());
            Assert.Equal(draws[k + 2].GetInt32(), random.Choice<int>(five));
            Assert.Equal(draws[k + 3].GetInt32(), random.Choice<int>(seven));
            Assert.Equal(draws[k + 4].GetInt32(), random.Choice<int>([4]));
        }
    }

    [Fact]
    public void ChoiceOfNothingIsRejected() =>
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new NumPyRandom(0).Choice<int>([])).ParamName);
}
