using System.Collections.Concurrent;
using GpuKMeans.Tests.Conformance;
using Xunit;
using Xunit.Sdk;

namespace GpuKMeans.Tests.Suite;

/// <summary>
/// Which tests a run of this assembly discovers. Two kinds are left out of discovery altogether (not reported as
/// skipped one by one, so the summary stays readable):
/// <list type="bullet">
/// <item>conformance classes of a device backend this machine does not have (their class fixture is
/// <see cref="CudaFixture"/> or <see cref="OpenCLFixture"/>): one skipped test per absent backend says so
/// (<see cref="LeftOutTests"/>);</item>
/// <item>tests with the trait <c>Category=Slow</c>, unless <c>GPUKMEANS_SLOW_TESTS=1</c> (which <c>.ci/run</c> sets).</item>
/// </list>
/// On a machine with CUDA or OpenCL the device classes are discovered and run as any other.
/// </summary>
public static class SuiteSelection
{
    /// <summary>The environment variable that brings the <c>Category=Slow</c> tests into the run.</summary>
    public const string SlowVariable = "GPUKMEANS_SLOW_TESTS";

    /// <summary>The trait every slow test carries: <c>[Trait("Category", "Slow")]</c>.</summary>
    public const string SlowCategory = "Slow";

    private static readonly Lazy<string?> CudaAbsence = new(() => Absence(KMeansBackend.Cuda));
    private static readonly Lazy<string?> OpenCLAbsence = new(() => Absence(KMeansBackend.OpenCL));
    private static readonly ConcurrentDictionary<string, byte> SlowCasesLeftOut = new();

    /// <summary>Whether the slow tests run (<c>GPUKMEANS_SLOW_TESTS=1</c>).</summary>
    public static bool IncludeSlow => Environment.GetEnvironmentVariable(SlowVariable) == "1";

    /// <summary>How many slow test cases this process's discovery left out.</summary>
    public static int SlowLeftOut => SlowCasesLeftOut.Count;

    /// <summary>Why <paramref name="backend"/> is absent here, or <c>null</c> when it is present (checked once).</summary>
    public static string? AbsenceOf(KMeansBackend backend) => backend switch
    {
        KMeansBackend.Cuda => CudaAbsence.Value,
        KMeansBackend.OpenCL => OpenCLAbsence.Value,
        _ => null,
    };

    /// <summary>The device backend whose fixture <paramref name="testClass"/> takes, or <c>null</c> for none.</summary>
    public static KMeansBackend? DeviceBackendOf(Type testClass)
    {
        foreach (var contract in testClass.GetInterfaces())
        {
            if (!contract.IsGenericType || contract.GetGenericTypeDefinition() != typeof(IClassFixture<>))
                continue;
            var fixture = contract.GetGenericArguments()[0];
            if (fixture == typeof(CudaFixture))
                return KMeansBackend.Cuda;
            if (fixture == typeof(OpenCLFixture))
                return KMeansBackend.OpenCL;
        }
        return null;
    }

    /// <summary>Whether the tests of <paramref name="testClass"/> are discovered on this machine.</summary>
    public static bool Discovers(Type testClass) => DeviceBackendOf(testClass) is not { } backend || AbsenceOf(backend) is null;

    /// <summary>Whether <paramref name="testCase"/> is discovered (notes the slow ones left out, once each).</summary>
    public static bool Discovers(ITestCase testCase)
    {
        if (IncludeSlow || !testCase.Traits.TryGetValue("Category", out var categories) || !categories.Contains(SlowCategory))
            return true;
        SlowCasesLeftOut.TryAdd(testCase.UniqueID, 0);
        return false;
    }

    private static string? Absence(KMeansBackend backend)
    {
        try
        {
            using var device = KMeansDevice.Create(backend);
            return null;
        }
        catch (NotSupportedException e)
        {
            return e.Message;
        }
    }
}
