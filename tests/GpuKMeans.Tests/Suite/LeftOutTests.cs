using Xunit;

namespace GpuKMeans.Tests.Suite;

/// <summary>
/// Says once, as one skipped test each, what <see cref="SuiteSelection"/> left out of this run: the conformance
/// classes of every absent device backend, and the slow tests.
/// </summary>
public sealed class LeftOutTests
{
    [Theory]
    [InlineData(KMeansBackend.Cuda)]
    [InlineData(KMeansBackend.OpenCL)]
    public void DeviceBackendConformance(KMeansBackend backend)
    {
        if (SuiteSelection.AbsenceOf(backend) is { } reason)
            Assert.Skip($"{backend} is not available here ({reason}): its conformance classes are not run");
    }

    [Fact]
    public void SlowTests()
    {
        if (!SuiteSelection.IncludeSlow)
            Assert.Skip($"{SuiteSelection.SlowLeftOut} slow test cases (Category=Slow) are not run; " +
                $"{SuiteSelection.SlowVariable}=1 dotnet test (or .ci/run) runs them");
    }
}
