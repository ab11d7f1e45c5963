using System.Reflection;
using GpuKMeans.Backends.Ilgpu;

namespace GpuKMeans.Tests.StaticLane;

/// <summary>
/// The block size the occupancy figure of an entry assumes. Implicitly grouped kernels get ILGPU's automatic
/// group size, which depends on the device, so the lane assumes 256. An explicitly grouped kernel uses its own:
/// a static int <c>GroupSize</c> (field, constant or property) on a generic argument of the kernel method (the
/// tile configuration) or on the declaring type; 256 when none is declared.
/// </summary>
internal static class GroupSizes
{
    /// <summary>The block size assumed when the kernel declares none.</summary>
    public const int Assumed = 256;

    private const string MemberName = "GroupSize";

    /// <summary>The block size for <paramref name="entry"/> and a note saying where it comes from.</summary>
    public static (int Size, string Note) For(IlgpuKernelEntry entry)
    {
        if (!entry.ExplicitlyGrouped)
            return (Assumed, "assumed (implicit grouping)");
        var owners = entry.Method.IsGenericMethod ? entry.Method.GetGenericArguments().ToList() : [];
        if (entry.Method.DeclaringType is { } declaring)
            owners.Add(declaring);
        foreach (var type in owners)
        {
            if (Read(type) is int size and > 0)
                return (size, $"{type.Name}.{MemberName}");
        }
        return (Assumed, "assumed (no GroupSize declared)");
    }

    private static int? Read(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        if (type.GetField(MemberName, flags) is { FieldType: var ft } field && ft == typeof(int))
            return (int)field.GetValue(null)!;
        if (type.GetProperty(MemberName, flags) is { PropertyType: var pt } property && pt == typeof(int))
            return (int)property.GetValue(null)!;
        return null;
    }
}
