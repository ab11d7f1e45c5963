using Xunit;
namespace GpuKMeans.Tests.Conformance;

/// <summary>Collects mismatches of one comparison and fails once with the count, the first few and the seed.</summary>
public sealed class Mismatches(string what, int seed)
{
    private readonly List<string> _first = [];
    private int _count;

    public void Check(bool ok, Func<string> describe)
    {
        if (ok)
            return;
        _count++;
        if (_first.Count < 5)
            _first.Add(describe());
    }

    public void ThrowIfAny()
    {
        if (_count > 0)
            Assert.Fail($"{what}: {_count} mismatches (seed {seed}); first: {string.Join("; ", _first)}");
    }
}
