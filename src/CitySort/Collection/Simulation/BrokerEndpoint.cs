using System.Globalization;
using System.Net;

namespace CitySort.Collection.Simulation;

/// <summary>
/// The MQTT broker the simulator publishes to, <c>HOST:PORT</c>. The simulator plays illustrative data and only ever
/// speaks to a broker on this machine: the host must be <c>localhost</c> or a loopback address (127.0.0.0/8, ::1);
/// names are not resolved.
/// </summary>
/// <param name="Host">The host as written (without brackets for IPv6).</param>
/// <param name="Port">The TCP port, 1..65535.</param>
public sealed record BrokerEndpoint(string Host, int Port)
{
    /// <summary>The default, the in-process broker of <c>citysort serve</c>: 127.0.0.1:1883.</summary>
    public static BrokerEndpoint Default { get; } = new("127.0.0.1", 1883);

    /// <summary>Reads <c>HOST:PORT</c> (<c>[::1]:1883</c> for IPv6) and checks that the host is loopback.</summary>
    /// <param name="text">What the user wrote.</param>
    /// <param name="endpoint">The endpoint, when valid.</param>
    /// <param name="error">Why it is not valid, in English and Chinese; null when valid.</param>
    /// <returns>True when <paramref name="text"/> names a loopback broker.</returns>
    public static bool TryParse(string? text, out BrokerEndpoint? endpoint, out string? error)
    {
        endpoint = null;
        error = null;
        var value = text?.Trim() ?? string.Empty;
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || colon == value.Length - 1)
        {
            error = $"--broker must be HOST:PORT, such as 127.0.0.1:1883, not '{value}' / --broker 应写成 主机:端口，例如 127.0.0.1:1883";
            return false;
        }

        var host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"--broker: the port must be a number from 1 to 65535, not '{value[(colon + 1)..]}' / 端口应为 1 到 65535 之间的数字";
            return false;
        }

        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            error = $"--broker: the simulator publishes illustrative data only to a broker on this machine (127.0.0.1, ::1 or localhost), not to '{host}' / 模拟器只向本机的消息代理发布示意数据（127.0.0.1、::1 或 localhost）";
            return false;
        }

        endpoint = new BrokerEndpoint(host, port);
        return true;
    }
}
