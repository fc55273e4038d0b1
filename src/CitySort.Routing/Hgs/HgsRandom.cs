namespace CitySort.Routing.Hgs;

/// <summary>
/// A small deterministic pseudo-random generator (xorshift64* seeded through splitmix64) so that a seed always
/// gives the same search, independent of the runtime's <see cref="Random"/>.
/// </summary>
internal sealed class HgsRandom
{
    private ulong _state;

    /// <summary>Seeds the generator.</summary>
    /// <param name="seed">Any integer.</param>
    public HgsRandom(long seed)
    {
        var z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        _state = z == 0 ? 0x2545F4914F6CDD1DUL : z;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var x = _state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        _state = x;
        return unchecked(x * 0x2545F4914F6CDD1DUL);
    }

    /// <summary>A uniform integer in [0, <paramref name="n"/>), n ≥ 1.</summary>
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Shuffles <paramref name="a"/> in place (Fisher–Yates).</summary>
    public void Shuffle(int[] a) => Shuffle(a, a.Length);

    /// <summary>Shuffles the first <paramref name="count"/> entries of <paramref name="a"/> in place.</summary>
    public void Shuffle(int[] a, int count)
    {
        for (var i = count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }
}
