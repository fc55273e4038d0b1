namespace CitySort.Registry;

/// <summary>
/// A village-level division (社区 / 居委会 residents' committee, or 村委会 villagers' committee). Natural key:
/// <see cref="Code"/>, the 12-digit NBS statistical code, which starts with its street's 9-digit code.
/// </summary>
public sealed class Community
{
    /// <summary>The 12-digit village-level code, a digit string starting with <see cref="StreetCode"/>.</summary>
    public required string Code { get; set; }

    /// <summary>The official Chinese name (e.g. 鼓楼社区).</summary>
    public required string Name { get; set; }

    /// <summary>The 9-digit code of the street the community belongs to.</summary>
    public required string StreetCode { get; set; }

    /// <summary>The street (navigation).</summary>
    public Street? Street { get; set; }

    /// <summary>Resident households (户), the base of the persuader ratio of W96-W2; <c>null</c> when unknown.</summary>
    public int? Households { get; set; }

    /// <summary>Where the community came from (the imported file name).</summary>
    public string? Source { get; set; }

    /// <summary>
    /// True when the record is illustrative: made up by the demo city generator, not part of what the city really has.
    /// The API returns it on every view, the dashboard marks it, and <c>citysort demo remove</c> deletes it.
    /// </summary>
    public bool IsIllustrative { get; set; }
}
