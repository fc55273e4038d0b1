using CitySort.Collection.Simulation;

namespace CitySort.Tests.Collection.Simulation;

/// <summary>The simulator speaks only to a broker on this machine (issue 9, item 7: "to 127.0.0.1 only").</summary>
public sealed class BrokerEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:1883", "127.0.0.1", 1883)]
    [InlineData("localhost:18840", "localhost", 18840)]
    [InlineData("[::1]:1883", "::1", 1883)]
    [InlineData("127.0.0.2:1", "127.0.0.2", 1)]
    public void A_loopback_broker_is_accepted(string text, string host, int port)
    {
        Assert.True(BrokerEndpoint.TryParse(text, out var endpoint, out var error));
        Assert.Null(error);
        Assert.Equal(new BrokerEndpoint(host, port), endpoint);
    }

    [Theory]
    [InlineData("10.0.0.5:1883")]
    [InlineData("192.168.1.2:1883")]
    [InlineData("broker.example.com:1883")]
    [InlineData("0.0.0.0:1883")]
    public void Any_other_host_is_refused_with_the_reason(string text)
    {
        Assert.False(BrokerEndpoint.TryParse(text, out var endpoint, out var error));
        Assert.Null(endpoint);
        Assert.Contains("only to a broker on this machine", error, StringComparison.Ordinal);
        Assert.Contains("本机", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("127.0.0.1:-5")]
    public void A_missing_or_impossible_port_is_refused(string text)
    {
        Assert.False(BrokerEndpoint.TryParse(text, out _, out var error));
        Assert.NotNull(error);
    }
}
