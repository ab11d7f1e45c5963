using Xunit;

namespace GpuKMeans.Tests.Conformance;

// The native CPU backend (KMeansBackend.Cpu) runs the whole conformance suite on the widest vector path
// this machine has; CpuSimdPathTests checks that every narrower path gives the same bits.

public sealed class CpuSimdKernelConformance(CpuSimdFixture fixture)
    : KernelConformance<CpuSimdFixture>(fixture), IClassFixture<CpuSimdFixture>;

public sealed class CpuSimdSeedingConformance(CpuSimdFixture fixture)
    : SeedingConformance<CpuSimdFixture>(fixture), IClassFixture<CpuSimdFixture>;

public sealed class CpuSimdFitConformance(CpuSimdFixture fixture)
    : FitConformance<CpuSimdFixture>(fixture), IClassFixture<CpuSimdFixture>;
