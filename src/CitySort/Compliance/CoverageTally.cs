using CitySort.Registry;

namespace CitySort.Compliance;

/// <summary>
/// The counts one coverage scope's figures are made of (W96-T1): per site type the sites, the covered sites, and
/// their weights (households, staff or 1, as <c>coverageWeighting</c> says for the type), and all sites together.
/// Whole numbers, so the order of adding does not matter.
/// </summary>
internal sealed class CoverageTally
{
    private readonly int[] sites = new int[Slots];
    private readonly int[] coveredSites = new int[Slots];
    private readonly long[] weight = new long[Slots];
    private readonly long[] coveredWeight = new long[Slots];

    private static int Slots => Enum.GetValues<SiteType>().Max(t => (int)t) + 1;

    /// <summary>All sites added.</summary>
    public int AllSites { get; private set; }

    /// <summary>All covered sites added.</summary>
    public int AllCoveredSites { get; private set; }

    /// <summary>Adds one site.</summary>
    /// <param name="type">Its type.</param>
    /// <param name="weightOfSite">Its weight in its type's share.</param>
    /// <param name="covered">Whether it is covered.</param>
    public void Add(SiteType type, long weightOfSite, bool covered)
    {
        AllSites++;
        AllCoveredSites += covered ? 1 : 0;
        var i = (int)type;
        if (i < 0 || i >= sites.Length)
        {
            return;
        }

        sites[i]++;
        weight[i] += weightOfSite;
        if (covered)
        {
            coveredSites[i]++;
            coveredWeight[i] += weightOfSite;
        }
    }

    /// <summary>Sites of a type.</summary>
    public int Sites(SiteType type) => sites[(int)type];

    /// <summary>Covered sites of a type.</summary>
    public int CoveredSites(SiteType type) => coveredSites[(int)type];

    /// <summary>Weight of the sites of a type.</summary>
    public long Weight(SiteType type) => weight[(int)type];

    /// <summary>Weight of the covered sites of a type.</summary>
    public long CoveredWeight(SiteType type) => coveredWeight[(int)type];
}
