namespace CitySort.Registry;

/// <summary>
/// A township-level division (街道 subdistrict, 镇 town or 乡 township). Natural key: <see cref="Code"/>, the 9-digit
/// NBS statistical code, which starts with its district's 6-digit code. A division file's hierarchy is kept as it is:
/// the development zone's streets sit under Longwan (330303012..015) in the 2023 codes and under 330371
/// (330371005..011) in the 2021 codes, and both may be present (POLICY.md, scope).
/// </summary>
public sealed class Street
{
    /// <summary>The 9-digit township-level code, a digit string starting with <see cref="DistrictCode"/>.</summary>
    public required string Code { get; set; }

    /// <summary>The official Chinese name (e.g. 五马街道).</summary>
    public required string Name { get; set; }

    /// <summary>The 6-digit code of the district the street belongs to.</summary>
    public required string DistrictCode { get; set; }

    /// <summary>The district (navigation).</summary>
    public District? District { get; set; }

    /// <summary>Where the street came from: the imported file name, or <c>demo</c> for the built-in short list.</summary>
    public string? Source { get; set; }

    /// <summary>
    /// True when the record is illustrative: made up by the demo city generator, not part of what the city really has.
    /// The API returns it on every view, the dashboard marks it, and <c>citysort demo remove</c> deletes it.
    /// </summary>
    public bool IsIllustrative { get; set; }

    /// <summary>The communities of the street.</summary>
    public List<Community> Communities { get; set; } = [];
}
