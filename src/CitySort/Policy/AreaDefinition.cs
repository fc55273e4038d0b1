namespace CitySort.Policy;

/// <summary>
/// An area the profile defines over streets, independent of the district hierarchy of any one division list, such
/// as the development zone (经开区), whose streets sit under Longwan in the 2022–2023 statistical codes and under the
/// zone's own code 330371 in the 2017–2021 codes (POLICY.md, scope; W96-T2/T3 name the zone).
/// </summary>
/// <param name="Id">Profile id, e.g. <c>development-zone</c>.</param>
/// <param name="Kind">What kind of area it is, e.g. <c>functionalZone</c> (free text for people).</param>
/// <param name="Clause">The clause that makes the area matter, e.g. <c>W96-T2</c>.</param>
/// <param name="Name">Full Chinese and English names.</param>
/// <param name="ShortName">Short names for tables and charts, e.g. 经开区.</param>
/// <param name="CountyCodes">County-level codes that denote the whole area in some vintage, e.g. <c>330371</c>.</param>
/// <param name="Streets">The streets that make up the area, each with all its codes.</param>
/// <param name="Note">Any remark.</param>
public sealed record AreaDefinition(
    string Id,
    string Kind,
    string Clause,
    LocalizedText Name,
    LocalizedText? ShortName,
    IReadOnlyList<string> CountyCodes,
    IReadOnlyList<StreetDefinition> Streets,
    LocalizedText? Note)
{
    /// <summary>
    /// Whether a street belongs to this area. A street belongs when its code is one of the area's street codes, or
    /// when its county-level part (first 6 digits) is one of <see cref="CountyCodes"/>. When the code matches
    /// nothing, the Chinese name decides, but only if the code is absent or its county-level part is one the
    /// area's streets use (so a same-named street elsewhere in the country never matches).
    /// </summary>
    /// <param name="streetCode">The 9-digit township code as the registry holds it, or null when unknown.</param>
    /// <param name="streetName">The Chinese street name as the registry holds it, or null.</param>
    /// <returns>True when the street is in the area.</returns>
    public bool ContainsStreet(string? streetCode, string? streetName)
    {
        var code = streetCode?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            if (Streets.Any(s => s.Codes.Contains(code, StringComparer.Ordinal)))
            {
                return true;
            }

            if (code.Length >= 6 && CountyCodes.Contains(code[..6], StringComparer.Ordinal))
            {
                return true;
            }
        }

        var name = streetName?.Trim();
        if (string.IsNullOrEmpty(name) || !Streets.Any(s => string.Equals(s.Name.Zh, name, StringComparison.Ordinal)))
        {
            return false;
        }

        if (string.IsNullOrEmpty(code))
        {
            return true;
        }

        return code.Length >= 6 && KnownCountyParts().Contains(code[..6]);
    }

    private HashSet<string> KnownCountyParts()
    {
        var parts = new HashSet<string>(CountyCodes, StringComparer.Ordinal);
        foreach (var c in Streets.SelectMany(s => s.Codes).Where(c => c.Length >= 6))
        {
            parts.Add(c[..6]);
        }

        return parts;
    }
}
