namespace GpuKMeans.Backends;

/// <summary>
/// Points (and their weights) resident on a device. Read-only after upload and safe to share between
/// threads: every fit keeps its own state (labels, partial sums, centroids) in a workspace made by
/// <see cref="CreateWorkspace"/>. After <see cref="IDisposable.Dispose"/>, <see cref="CreateWorkspace"/> throws
/// <see cref="ObjectDisposedException"/>.
/// </summary>
internal interface IResidentPoints : IPointShape, IDisposable
{
    /// <summary>
    /// A new workspace for one fit (or one predict) over these points. With <paramref name="ownsPoints"/>,
    /// disposing the workspace also disposes these points (an upload for a single call).
    /// </summary>
    /// <exception cref="ObjectDisposedException">These points were disposed.</exception>
    IFitWorkspace CreateWorkspace(bool ownsPoints = false);
}
