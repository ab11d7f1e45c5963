using System.Globalization;

namespace GpuKMeans.Model;

/// <summary>The one-line description that <see cref="KMeansResult.ToString"/> and <see cref="KMeansModel.ToString"/> share.</summary>
internal static class ModelText
{
    /// <summary>"k=3, d=2, inertia=16, 2 iterations (converged), CPU: device".</summary>
    public static string Describe(int k, int d, double inertia, int iterations, bool converged, string backend, string device)
    {
        string text = string.Create(CultureInfo.InvariantCulture,
            $"k={k}, d={d}, inertia={(double.IsNaN(inertia) ? "unknown" : inertia.ToString("G6", CultureInfo.InvariantCulture))}");
        if (iterations > 0)
            text += $", {iterations} iteration{(iterations == 1 ? "" : "s")}{(converged ? " (converged)" : " (not converged)")}";
        if (backend.Length > 0)
            text += device.Length > 0 ? $", {backend}: {device}" : $", {backend}";
        return text;
    }
}
