namespace CitySort.Registry;

/// <summary>
/// A collection and transport operator: a district sanitation department, the city public-utilities group (W96-K2),
/// the catering-waste franchise holder (W96-K4) or an approved recycler (W96-K1). Natural key: <see cref="Code"/>.
/// </summary>
public sealed class Hauler
{
    /// <summary>The hauler's code: 1 to 32 letters, digits, '-' or '_'.</summary>
    public required string Code { get; set; }

    /// <summary>The hauler's name.</summary>
    public required string Name { get; set; }

    /// <summary>The operating licence number, when known.</summary>
    public string? Licence { get; set; }

    /// <summary>The franchise the hauler holds (e.g. the urban catering-waste franchise of W96-K4), when any.</summary>
    public string? Franchise { get; set; }

    /// <summary>True when the hauler is an illustrative demo entry.</summary>
    public bool IsIllustrative { get; set; }

    /// <summary>Where the hauler came from (file name or <c>demo</c>).</summary>
    public string? Source { get; set; }
}
