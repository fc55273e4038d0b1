namespace CitySort.Policy;

/// <summary>
/// How sites are weighed in a coverage share (setting <c>coverageWeighting</c>, CitySort's choice on W96-T1). JSON
/// names: <c>households</c>, <c>staff</c>, <c>siteCount</c>, <c>siteTypeMean</c>.
/// </summary>
public enum CoverageWeighting
{
    /// <summary>Each site weighs its resident households.</summary>
    Households = 1,

    /// <summary>Each site weighs its staff (or pupils and staff, as the registry records them).</summary>
    Staff = 2,

    /// <summary>Each site weighs 1.</summary>
    SiteCount = 3,

    /// <summary>Overall only: the plain mean of the site types' shares (each weighted as its type says).</summary>
    SiteTypeMean = 4,
}
