using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace GpuKMeans.Orleans;

/// <summary>
/// Shard <c>s</c> of a fit goes to the <c>s mod m</c>-th of the <c>m</c> compatible silos in address order, so the
/// shards of a fit are spread evenly (Orleans' default placement put 6 grains 1/1/4 on 3 silos). A shard re-activated
/// after its silo died goes, by the same rule, to one of those left.
/// </summary>
[GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class ShardPlacement : PlacementStrategy;

/// <summary>Marks a grain class as placed by <see cref="ShardPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ShardPlacementAttribute() : PlacementAttribute(new ShardPlacement());

/// <summary>Chooses the silo of a shard grain from the shard index at the end of its key (<c>"{fit}/{shard}"</c>).</summary>
internal sealed class ShardPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        string key = target.GrainIdentity.Key.ToString();
        int slash = key.LastIndexOf('/');
        int shard = slash >= 0 && int.TryParse(key.AsSpan(slash + 1), out int s) ? s : 0;
        return Task.FromResult(silos[shard % silos.Length]);
    }
}
