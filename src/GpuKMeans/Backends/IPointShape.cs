namespace GpuKMeans.Backends;

/// <summary>The shape of a set of points on a device.</summary>
internal interface IPointShape
{
    /// <summary>Number of points <c>n</c>.</summary>
    int Count { get; }

    /// <summary>Number of features <c>d</c>.</summary>
    int Dimensions { get; }
}
