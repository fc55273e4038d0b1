using System.Text;
using CitySort.Testing;

namespace CitySort.Tests.Imports;

/// <summary>Opens the shared reference files and makes in-memory files for the import tests.</summary>
internal static class TestFiles
{
    public static Stream Shared(params string[] parts) => File.OpenRead(Path.Combine([Requires.SharedData(), .. parts]));

    public static Stream Streets() => Shared("divisions", "wenzhou_streets.csv");

    public static Stream Communities() => Shared("divisions", "wenzhou_communities.csv");

    public static Stream Boundaries() => Shared("geo", "wenzhou_districts.geojson");

    /// <summary>UTF-8 bytes of <paramref name="text"/>, optionally with a byte order mark.</summary>
    public static MemoryStream Text(string text, bool bom = false) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);
}
