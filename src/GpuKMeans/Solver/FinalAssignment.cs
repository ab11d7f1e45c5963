using GpuKMeans.Backends;
using GpuKMeans.Data;

namespace GpuKMeans.Solver;

/// <summary>
/// The last E-step of a fit (scikit-learn's final <c>_labels_inertia</c>): the centroids are taken back to the caller's
/// units and conditioned again, so that the labels and exact inertia of every point belong to exactly the centroids
/// returned (which were rounded on the way back).
/// </summary>
internal static class FinalAssignment
{
    /// <summary>Returns the centroids in the caller's units, the label of every point and the exact inertia in the caller's units.</summary>
    public static (float[] Centroids, int[] Labels, double Inertia) Run(
        IFitWorkspace device, float[] centroids, int clusterCount, Conditioning conditioning, CancellationToken cancellationToken)
    {
        var returned = conditioning.Restore(centroids, device.Dimensions);
        device.SetCentroids(conditioning.IsNone ? returned : conditioning.Apply(returned, device.Dimensions), clusterCount);
        device.AssignAndReduce(cancellationToken);
        double inertia = conditioning.RestoreSquared(device.ExactInertia());
        var labels = new int[device.Count];
        device.CopyLabels(labels);
        return (returned, labels, inertia);
    }
}
