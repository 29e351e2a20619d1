using System.Runtime.CompilerServices;

namespace MathForML.Randomness;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna, "Scrambled linear pseudorandom number generators", 2021), seeded through
/// SplitMix64. Our own so that a seed gives the same graph on every .NET version and platform, and so that independent
/// streams (one per chunk of work) can be derived from one seed: the output does not depend on the thread count.
/// This is the library's one source of randomness: every random thing takes a <see cref="ulong"/> seed and draws from
/// here (uniform doubles, unbiased integers, permutations and standard normal deviates), so the same seed gives the same
/// result on every run. <see cref="System.Random"/> is not used: its sequence for a seed is not specified across .NET
/// versions.
/// </summary>
/// <remarks>
/// A mutable value type, for speed in the generators' inner loops: pass it by <c>ref</c>; a copy continues the same
/// sequence independently (it is a fork, not a new stream — use <c>stream</c> for that).
/// </remarks>
public struct SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    /// <summary>The generator for stream <paramref name="stream"/> of <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed, ulong stream = 0)
    {
        ulong z = seed ^ (stream * 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref z);
        _s1 = SplitMix(ref z);
        _s2 = SplitMix(ref z);
        _s3 = SplitMix(ref z);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// A standard normal draw N(0, 1) by Marsaglia's polar method (Marsaglia &amp; Bray 1964; Knuth, TAOCP vol. 2,
    /// §3.4.1 Algorithm P): u, v uniform on (−1, 1) until s = u² + v² ∈ (0, 1), then u·√(−2 ln s / s) and
    /// v·√(−2 ln s / s) are two independent normals; the second is kept for the next call.
    /// </summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>Fills <paramref name="destination"/> with independent standard normal draws (<see cref="NextGaussian"/>).</summary>
    public void FillGaussian(Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = NextGaussian();
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) without bias (Lemire, 2019).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong m = (ulong)(uint)NextUInt64() * (uint)bound;
        if ((uint)m < (uint)bound)
        {
            uint threshold = (uint)-bound % (uint)bound;
            while ((uint)m < threshold) m = (ulong)(uint)NextUInt64() * (uint)bound;
        }
        return (int)(m >> 32);
    }

    /// <summary>A uniformly random permutation of 0 … n−1 (Fisher–Yates).</summary>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return p;
    }

    private static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
