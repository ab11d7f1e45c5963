using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GpuKMeans.Cli.Cluster;

/// <summary>Parses the <c>HOST:PORT</c> endpoints of <c>--primary</c> and <c>--cluster</c>.</summary>
internal static class ClusterEndpoints
{
    /// <summary>One <c>HOST:PORT</c> (an IPv4 address or a name, resolved now).</summary>
    /// <exception cref="CliUsageException">Not <c>HOST:PORT</c>, a bad port, or a host name that does not resolve.</exception>
    public static IPEndPoint Parse(string option, string value)
    {
        int colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new CliUsageException($"{option}: '{value}' is not HOST:PORT (a port from 1 to 65535), e.g. 127.0.0.1:30000");
        string host = value[..colon];
        if (IPAddress.TryParse(host, out var address))
            return new IPEndPoint(address, port);
        try
        {
            var found = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new CliUsageException($"{option}: host '{host}' has no IPv4 address");
            return new IPEndPoint(found, port);
        }
        catch (SocketException e)
        {
            throw new CliUsageException($"{option}: host '{host}' does not resolve ({e.Message})");
        }
    }

    /// <summary>A comma-separated list of <c>HOST:PORT</c>.</summary>
    /// <exception cref="CliUsageException">The list is empty or an item is not <c>HOST:PORT</c>.</exception>
    public static IPEndPoint[] ParseList(string option, string value)
    {
        var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
            throw new CliUsageException($"{option}: name at least one worker gateway as HOST:PORT");
        return [.. items.Select(item => Parse(option, item))];
    }
}
