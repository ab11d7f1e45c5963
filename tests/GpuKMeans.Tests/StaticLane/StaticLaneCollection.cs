using Xunit;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>The static lane's test classes share one <see cref="StaticLaneFixture"/>, so the lane runs once.</summary>
[CollectionDefinition(Name)]
public sealed class StaticLaneCollection : ICollectionFixture<StaticLaneFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "StaticLane";
}
