using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

[assembly: Xunit.TestFramework(typeof(GpuKMeans.Tests.Suite.SuiteTestFramework))]

namespace GpuKMeans.Tests.Suite;

/// <summary>
/// xunit.v3's own framework with a discoverer that applies <see cref="SuiteSelection"/>: classes of absent device
/// backends and (by default) slow tests are never discovered, so they neither run nor print a line each.
/// </summary>
public sealed class SuiteTestFramework : XunitTestFramework
{
    /// <inheritdoc/>
    protected override ITestFrameworkDiscoverer CreateDiscoverer(Assembly assembly) =>
        new SelectingDiscoverer(new XunitTestAssembly(assembly, null, assembly.GetName().Version));

    private sealed class SelectingDiscoverer(IXunitTestAssembly assembly) : XunitTestFrameworkDiscoverer(assembly)
    {
        protected override ValueTask<bool> FindTestsForType(
            IXunitTestClass testClass, ITestFrameworkDiscoveryOptions discoveryOptions, Func<ITestCase, ValueTask<bool>> discoveryCallback)
        {
            if (!SuiteSelection.Discovers(testClass.Class))
                return new(true);
            return base.FindTestsForType(testClass, discoveryOptions,
                testCase => SuiteSelection.Discovers(testCase) ? discoveryCallback(testCase) : new(true));
        }
    }
}
