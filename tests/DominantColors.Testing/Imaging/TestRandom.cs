namespace DominantColors.Testing.Imaging;

/// <summary>A seeded xorshift generator, so generated pictures are the same on every run and runtime.</summary>
public struct TestRandom(ulong seed)
{
    private ulong _state = seed * 0x9E3779B97F4A7C15UL + 0x2545F4914F6CDD1DUL;

    public ulong NextUInt64()
    {
        _state ^= _state << 13;
        _state ^= _state >> 7;
        _state ^= _state << 17;
        return _state;
    }

    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    public float NextFloat() => (NextUInt64() >> 40) / (float)(1 << 24);
}
