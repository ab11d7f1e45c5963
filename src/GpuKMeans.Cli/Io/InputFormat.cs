namespace GpuKMeans.Cli.Io;

/// <summary>The file formats the point readers understand (<c>--format</c>).</summary>
internal enum InputFormat
{
    /// <summary>Delimited text: one point per record, an optional header row.</summary>
    Csv,

    /// <summary>A NumPy <c>.npy</c> file (format 1.0, 2.0 or 3.0) of little-endian float32 or float64, C order.</summary>
    Npy,

    /// <summary>Headerless little-endian float32 values, <c>--dims</c> per point.</summary>
    Raw,

    /// <summary>An Apache Parquet file: numeric columns (float, double, integer), selected by name or index.</summary>
    Parquet,

    /// <summary>An Apache Arrow IPC file (<c>.arrow</c>, Feather v2) or stream (<c>.arrows</c>): numeric columns, selected by name or index.</summary>
    Arrow,
}
