using System.Runtime.InteropServices;
using System.Text;

namespace GpuKMeans.Benchmarks.Pruning;

/// <summary>Writes a row-major float32 matrix as a NumPy .npy file (format 1.0), for the Python peers.</summary>
internal static class Npy
{
    public static void Write(string path, float[] values, int rows, int columns)
    {
        string header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {columns}), }}";
        int total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y']);
        file.WriteByte(1);
        file.WriteByte(0);
        file.Write(BitConverter.GetBytes((ushort)header.Length));
        file.Write(Encoding.ASCII.GetBytes(header));
        file.Write(MemoryMarshal.AsBytes(values.AsSpan(0, rows * columns)));
    }
}
