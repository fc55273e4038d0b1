using CitySort.Compliance;
using CitySort.Policy;

namespace CitySort.Registry;

/// <summary>
/// Which sites a list or the map shows; every part is optional and the parts given must all hold.
/// </summary>
/// <param name="District">A 6-digit district code (sites registered under it) or a profile area id (sites of its streets).</param>
/// <param name="Street">A 9-digit street code.</param>
/// <param name="Type">The site type.</param>
/// <param name="Compliant">True for the sites whose bins meet their type's rule (W96-B1..B4), false for the others.</param>
/// <param name="Text">A text the name, the address or the code contains (case-insensitive; trimmed).</param>
/// <param name="IncludeRetired">True to let retired sites through as well (a list with <c>includeRetired=true</c>);
/// <see cref="SiteQueryService"/> reads it to choose between the snapshot's sites in service and all sites.</param>
public sealed record SiteFilter(string? District = null, string? Street = null, SiteType? Type = null, bool? Compliant = null, string? Text = null, bool IncludeRetired = false)
{
    /// <summary>The sites of <paramref name="sites"/> that the filter lets through, in their order.</summary>
    /// <param name="sites">The sites, e.g. of a <see cref="SiteSnapshot"/>.</param>
    /// <param name="profile">The profile whose areas a district that is an area id stands for.</param>
    /// <returns>The matching sites, lazily.</returns>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public IEnumerable<IndexedSite> Apply(IEnumerable<IndexedSite> sites, PolicyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(profile);
        var query = sites;
        if (!string.IsNullOrWhiteSpace(District))
        {
            var area = profile.Area(District);
            var district = District;
            query = area is null
                ? query.Where(s => s.Site.DistrictCode == district)
                : query.Where(s => s.AreaIds.Contains(area.Id, StringComparer.Ordinal));
        }

        if (!string.IsNullOrWhiteSpace(Street))
        {
            var street = Street;
            query = query.Where(s => s.Site.StreetCode == street);
        }

        if (Type is { } type)
        {
            query = query.Where(s => s.Site.Type == type);
        }

        if (Compliant is { } compliant)
        {
            query = query.Where(s => s.Compliance.IsCompliant == compliant);
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            var text = Text.Trim();
            query = query.Where(s =>
                s.Site.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Site.Address.Contains(text, StringComparison.OrdinalIgnoreCase)
                || s.Site.Code.Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        return query;
    }

    /// <summary>
    /// Reads a site type by its name (<c>ResidentialCompound</c>, …, case-insensitive); empty or null is no type.
    /// Numbers are refused, so that <c>0</c> does not stand for the first type.
    /// </summary>
    /// <param name="text">The text, or null.</param>
    /// <param name="type">The type, or null when <paramref name="text"/> is empty or not a type.</param>
    /// <param name="problem">Why the text is not a type, in both languages, or null.</param>
    /// <returns>True when <paramref name="text"/> is empty or a type.</returns>
    public static bool TryParseType(string? text, out SiteType? type, out LocalizedText? problem)
    {
        type = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!Enum.TryParse<SiteType>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(text, out _))
        {
            var names = string.Join(", ", Enum.GetNames<SiteType>());
            problem = new LocalizedText("type“" + text + "”不是点位类型；可用：" + names + "。", "type '" + text + "' is not a site type; use one of " + names + ".");
            return false;
        }

        type = parsed;
        return true;
    }
}
