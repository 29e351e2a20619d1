using MathForML.LinearAlgebra;

namespace MathForML.Randomness;

/// <summary>
/// NumPy's legacy <c>np.random.RandomState</c>, bit for bit: the generator every notebook of the course draws from
/// (<c>np.random.seed(s)</c> then <c>np.random.rand</c>, <c>randn</c>, <c>standard_cauchy</c>, <c>randint</c>,
/// <c>permutation</c>, …), so a seeded course result can be reproduced in .NET. For the library's own randomness use
/// <see cref="SeededRandom"/>, which is faster; this type exists for fidelity to NumPy, not speed.
/// </summary>
/// <remarks>
/// <para>
/// The bit generator is the 32-bit Mersenne Twister MT19937 (Matsumoto &amp; Nishimura 1998) with NumPy's legacy
/// seeding: an integer seed s ∈ [0, 2³²−1] fills the 624-word key by Knuth's recurrence
/// key[0] = s, key[i] = 1812433253·(key[i−1] ⊕ (key[i−1] ≫ 30)) + i (mod 2³²) — the reference implementation's
/// <c>init_genrand</c>, which NumPy calls for an integer seed (<c>mt19937_seed</c>, from <c>_legacy_seeding</c> in
/// numpy/random/_mt19937.pyx); <c>init_by_array</c> is used by NumPy only for an array of seeds (and by Python's
/// <c>random.seed</c>), not here.
/// </para>
/// <para>
/// The draws follow NumPy's sources (numpy/random/src/mt19937/mt19937.h, numpy/random/src/legacy/legacy-distributions.c,
/// numpy/random/src/distributions/distributions.c and numpy/random/mtrand.pyx), which NumPy keeps frozen for
/// <c>RandomState</c>:
/// a double is (a·2²⁶ + b)/2⁵³ from two words a = w₁ ≫ 5, b = w₂ ≫ 6; a 64-bit word is w₁·2³² + w₂; normals come by
/// the polar method with the second value cached (the <c>has_gauss</c> state, shared by <see cref="StandardNormal"/>,
/// <see cref="Normal(double, double)"/> and <see cref="StandardCauchy()"/>); bounded integers by masked rejection.
/// </para>
/// <para>
/// Checked to the bit against NumPy 1.24's output for seeds 0, 1, 42 and 2³²−1 (10⁴ draws of each method and of
/// interleaved calls): tests/MathForML.Tests/Reference/numpy-random/make_streams.py. Not thread-safe: one instance
/// per thread, as with NumPy's without its lock.
/// </para>
/// </remarks>
public sealed class NumPyRandom
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0dfU;
    private const uint UpperMask = 0x80000000U;
    private const uint LowerMask = 0x7fffffffU;

    private readonly uint[] _key = new uint[N];
    private int _position;
    private bool _hasGauss;
    private double _gauss;

    /// <summary>
    /// The generator of <c>np.random.RandomState(seed)</c>, equally the global one after <c>np.random.seed(seed)</c>:
    /// key[0] = seed, key[i] = 1812433253·(key[i−1] ⊕ (key[i−1] ≫ 30)) + i mod 2³² for i = 1 … 623, position 624
    /// (the first draw regenerates the key), no cached normal. Every <see cref="uint"/> is a valid NumPy seed.
    /// </summary>
    public NumPyRandom(uint seed)
    {
        uint s = seed;
        for (int i = 0; i < N; i++)
        {
            _key[i] = s;
            s = unchecked((1812433253U * (s ^ (s >> 30))) + (uint)i + 1);
        }
        _position = N;
    }

    /// <summary>
    /// A copy of the 624-word MT19937 key, NumPy's <c>get_state()[1]</c>; with <see cref="Position"/> the whole
    /// state of the bit generator.
    /// </summary>
    public uint[] Key => (uint[])_key.Clone();

    /// <summary>The index of the next key word to temper, NumPy's <c>get_state()[2]</c> (624 after seeding).</summary>
    public int Position => _position;

    /// <summary>
    /// The next 32-bit output of MT19937 (<c>mt19937_next32</c>): the key word at <see cref="Position"/>, tempered by
    /// y ⊕= y ≫ 11; y ⊕= (y ≪ 7) ∧ 0x9d2c5680; y ⊕= (y ≪ 15) ∧ 0xefc60000; y ⊕= y ≫ 18. The key is regenerated
    /// (the twist) every 624 words.
    /// </summary>
    public uint NextUInt32()
    {
        if (_position == N) Twist();
        uint y = _key[_position++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= y >> 18;
        return y;
    }

    /// <summary>The next 64-bit output (<c>mt19937_next64</c>): w₁·2³² + w₂ from two 32-bit words, the first one high.</summary>
    public ulong NextUInt64()
    {
        ulong high = NextUInt32();
        return (high << 32) | NextUInt32();
    }

    /// <summary>
    /// A uniform double in [0, 1), NumPy's <c>random_sample()</c> (and <c>rand()</c>, <c>random()</c>):
    /// (a·2²⁶ + b)/2⁵³ with a = w₁ ≫ 5 and b = w₂ ≫ 6 (<c>mt19937_next_double</c>): 53 random bits.
    /// </summary>
    public double RandomSample()
    {
        int a = (int)(NextUInt32() >> 5);
        int b = (int)(NextUInt32() >> 6);
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }

    /// <summary><paramref name="count"/> uniform doubles in [0, 1), NumPy's <c>rand(count)</c> / <c>random_sample(count)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public double[] Rand(int count) => Fill(count, static r => r.RandomSample());

    /// <summary>
    /// A <paramref name="rows"/>×<paramref name="columns"/> matrix of uniform doubles in [0, 1), NumPy's
    /// <c>rand(rows, columns)</c>: filled row by row (C order), as NumPy fills it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is negative.</exception>
    public Matrix Rand(int rows, int columns) => Shaped(rows, columns, static r => r.RandomSample());

    /// <summary>
    /// A standard normal draw N(0, 1), NumPy's legacy <c>standard_normal()</c> / <c>randn()</c> (<c>legacy_gauss</c>):
    /// Marsaglia's polar method. x₁ = 2U₁ − 1, x₂ = 2U₂ − 1 until r² = x₁² + x₂² ∈ (0, 1); with
    /// f = √(−2 ln r² / r²) it returns f·x₂ and keeps f·x₁ for the next normal draw (of this method,
    /// <see cref="Normal(double, double)"/> or <see cref="StandardCauchy()"/>).
    /// </summary>
    public double StandardNormal()
    {
        if (_hasGauss)
        {
            _hasGauss = false;
            double cached = _gauss;
            _gauss = 0;
            return cached;
        }
        double x1, x2, r2;
        do
        {
            x1 = (2.0 * RandomSample()) - 1.0;
            x2 = (2.0 * RandomSample()) - 1.0;
            r2 = (x1 * x1) + (x2 * x2);
        }
        while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary><paramref name="count"/> standard normal draws, NumPy's <c>randn(count)</c> (see <see cref="StandardNormal"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public double[] Randn(int count) => Fill(count, static r => r.StandardNormal());

    /// <summary>
    /// A <paramref name="rows"/>×<paramref name="columns"/> matrix of standard normal draws, NumPy's
    /// <c>randn(rows, columns)</c>: filled row by row (C order).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is negative.</exception>
    public Matrix Randn(int rows, int columns) => Shaped(rows, columns, static r => r.StandardNormal());

    /// <summary>
    /// A standard Cauchy draw, NumPy's legacy <c>standard_cauchy()</c> (<c>legacy_standard_cauchy</c>): Z₁/Z₂, two
    /// successive <see cref="StandardNormal"/> draws, the numerator first. The ratio of two independent N(0, 1) is
    /// Cauchy(0, 1), density 1/(π(1 + x²)).
    /// </summary>
    public double StandardCauchy()
    {
        double numerator = StandardNormal();
        return numerator / StandardNormal();
    }

    /// <summary><paramref name="count"/> standard Cauchy draws, NumPy's <c>standard_cauchy(count)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public double[] StandardCauchy(int count) => Fill(count, static r => r.StandardCauchy());

    /// <summary>
    /// A normal draw N(μ, σ²), NumPy's legacy <c>normal(loc, scale)</c>: loc + scale·Z with Z from
    /// <see cref="StandardNormal"/> (<c>legacy_normal</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is negative (−0 included, as NumPy) or NaN, or <paramref name="loc"/> is NaN.</exception>
    public double Normal(double loc, double scale)
    {
        CheckNormal(loc, scale);
        return loc + (scale * StandardNormal());
    }

    /// <summary><paramref name="count"/> normal draws, NumPy's <c>normal(loc, scale, count)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bad <paramref name="scale"/>, <paramref name="loc"/> or <paramref name="count"/>.</exception>
    public double[] Normal(double loc, double scale, int count)
    {
        CheckNormal(loc, scale);
        return Fill(count, r => loc + (scale * r.StandardNormal()));
    }

    /// <summary>
    /// A uniform draw on [low, high), NumPy's legacy <c>uniform(low, high)</c>: low + (high − low)·U with U from
    /// <see cref="RandomSample"/> (<c>random_uniform</c>). As in NumPy, high &lt; low is allowed (the interval runs
    /// the other way).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">high − low is not finite (NumPy: "Range exceeds valid bounds").</exception>
    public double Uniform(double low, double high)
    {
        double range = UniformRange(low, high);
        return low + (range * RandomSample());
    }

    /// <summary><paramref name="count"/> uniform draws on [low, high), NumPy's <c>uniform(low, high, count)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">high − low is not finite, or <paramref name="count"/> is negative.</exception>
    public double[] Uniform(double low, double high, int count)
    {
        double range = UniformRange(low, high);
        return Fill(count, r => low + (range * r.RandomSample()));
    }

    /// <summary>
    /// A uniform integer in [low, high), NumPy's legacy <c>randint(low, high)</c> with its default int64 type:
    /// masked rejection on r = high − 1 − low (<c>random_bounded_uint64_fill</c> with <c>use_masked</c>). With
    /// mask = the smallest 2ᵏ − 1 ≥ r, draw w ∧ mask until it is ≤ r, then add low; w is a 32-bit word when
    /// r &lt; 2³² − 1, the word itself when r = 2³² − 1, a 64-bit word above; r = 0 draws nothing. (NumPy's r = 2⁶⁴ − 1 case cannot arise from two int64 bounds.)
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> ≤ <paramref name="low"/> (NumPy: "low &gt;= high").</exception>
    public long RandInt(long low, long high)
    {
        ulong range = BoundedRange(low, high);
        return unchecked(low + (long)BoundedMasked(range));
    }

    /// <summary>A uniform integer in [0, high), NumPy's <c>randint(high)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> ≤ 0.</exception>
    public long RandInt(long high) => RandInt(0, high);

    /// <summary><paramref name="count"/> uniform integers in [low, high), NumPy's <c>randint(low, high, count)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> ≤ <paramref name="low"/>, or <paramref name="count"/> is negative.</exception>
    public long[] RandInt(long low, long high, int count)
    {
        ulong range = BoundedRange(low, high);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var values = new long[count];
        for (int i = 0; i < count; i++) values[i] = unchecked(low + (long)BoundedMasked(range));
        return values;
    }

    /// <summary>
    /// A uniformly chosen element of <paramref name="values"/>, NumPy's legacy <c>choice(a)</c> without weights and
    /// without a size: <c>a[randint(0, len(a))]</c> (mtrand.pyx's <c>choice</c> draws its index with <c>randint</c>
    /// when <c>replace</c> is true and <c>p</c> is None), so it consumes exactly what <see cref="RandInt(long)"/> would.
    /// The course's <c>np.random.choice((1, 3))</c> is <c>Choice([1, 3])</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty (NumPy: "a cannot be empty unless no samples are taken").</exception>
    public T Choice<T>(ReadOnlySpan<T> values)
    {
        if (values.IsEmpty) throw new ArgumentException("choice needs at least one value to choose from; the list is empty.", nameof(values));
        return values[(int)RandInt(0, values.Length)];
    }

    /// <summary>
    /// A random permutation of 0 … n−1, NumPy's legacy <c>permutation(n)</c>: <c>arange(n)</c> shuffled by
    /// <see cref="Shuffle{T}(Span{T})"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public int[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var values = new int[n];
        for (int i = 0; i < n; i++) values[i] = i;
        Shuffle(values.AsSpan());
        return values;
    }

    /// <summary>
    /// Shuffles <paramref name="values"/> in place, NumPy's legacy <c>shuffle(x)</c> of a 1-D array or list: the
    /// Fisher–Yates shuffle from the end, for i = n−1 down to 1 swap x[i] with x[j], j uniform in [0, i] by masked
    /// rejection (<c>random_interval</c>: mask = the smallest 2ᵏ − 1 ≥ i, a 32-bit word ∧ mask until ≤ i).
    /// For a matrix, shuffle an index array and take its rows in that order (NumPy shuffles rows the same way).
    /// </summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = (int)Interval((uint)i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>A uniform integer in [0, max] by masked rejection on 32-bit words (<c>random_interval</c> for max &lt; 2³²).</summary>
    private uint Interval(uint max)
    {
        if (max == 0) return 0;
        uint mask = (uint)Mask(max);
        uint value;
        while ((value = NextUInt32() & mask) > max)
        {
        }
        return value;
    }

    /// <summary>A uniform integer in [0, range] as legacy <c>randint</c> draws it (<c>random_bounded_uint64_fill</c>, masked).</summary>
    private ulong BoundedMasked(ulong range)
    {
        if (range == 0) return 0;
        if (range == 0xFFFFFFFFUL) return NextUInt32();
        ulong mask = Mask(range);
        ulong value;
        if (range < 0xFFFFFFFFUL)
        {
            while ((value = NextUInt32() & mask) > range)
            {
            }
        }
        else
        {
            while ((value = NextUInt64() & mask) > range)
            {
            }
        }
        return value;
    }

    /// <summary>The smallest 2ᵏ − 1 ≥ <paramref name="max"/> (<c>gen_mask</c>).</summary>
    private static ulong Mask(ulong max)
    {
        ulong mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        return mask;
    }

    private static ulong BoundedRange(long low, long high)
    {
        if (high <= low) throw new ArgumentOutOfRangeException(nameof(high), high, $"randint needs low < high; low is {low}.");
        return unchecked((ulong)high - 1 - (ulong)low);
    }

    private static double UniformRange(double low, double high)
    {
        double range = high - low;
        if (!double.IsFinite(range))
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high − low must be finite (NumPy: range exceeds valid bounds); low is {low}.");
        return range;
    }

    private static void CheckNormal(double loc, double scale)
    {
        if (double.IsNaN(loc)) throw new ArgumentOutOfRangeException(nameof(loc), loc, "The mean must be a number.");
        if (double.IsNaN(scale) || double.IsNegative(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The standard deviation must be ≥ 0 (NumPy rejects −0 too).");
    }

    private Matrix Shaped(int rows, int columns, Func<NumPyRandom, double> draw)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        var m = new Matrix(rows, columns);
        var a = m.AsSpan();
        for (int k = 0; k < a.Length; k++) a[k] = draw(this);
        return m;
    }

    private double[] Fill(int count, Func<NumPyRandom, double> draw)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var values = new double[count];
        for (int i = 0; i < count; i++) values[i] = draw(this);
        return values;
    }

    /// <summary>Regenerates the 624-word key (<c>mt19937_gen</c>, the reference implementation's twist).</summary>
    private void Twist()
    {
        uint[] key = _key;
        int i;
        for (i = 0; i < N - M; i++)
        {
            uint y = (key[i] & UpperMask) | (key[i + 1] & LowerMask);
            key[i] = key[i + M] ^ (y >> 1) ^ ((0U - (y & 1)) & MatrixA);
        }
        for (; i < N - 1; i++)
        {
            uint y = (key[i] & UpperMask) | (key[i + 1] & LowerMask);
            key[i] = key[i + M - N] ^ (y >> 1) ^ ((0U - (y & 1)) & MatrixA);
        }
        uint last = (key[N - 1] & UpperMask) | (key[0] & LowerMask);
        key[N - 1] = key[M - 1] ^ (last >> 1) ^ ((0U - (last & 1)) & MatrixA);
        _position = 0;
    }
}
