namespace SparkCleanlab.Synthetic;

/// <summary>
/// A tiny counter-based random generator (SplitMix64): seeded by (seed, row), so a row's
/// values never depend on which chunk or thread generated it.
/// </summary>
internal struct SplitMix64
{
    private ulong _state;

    /// <summary>A generator for one row of one seed.</summary>
    public SplitMix64(int seed, long row) => _state = Mix(((ulong)(uint)seed << 32) ^ Mix((ulong)row));

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return (Mix(_state) >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
