namespace CitySort.Registry;

/// <summary>The four kinds of sorting site of the plan, each with its bin rule (W96-B1..B4).</summary>
public enum SiteType
{
    /// <summary>住宅小区, residential compound (W96-B1).</summary>
    ResidentialCompound = 1,

    /// <summary>机关、企事业单位, government agency, public institution or enterprise (W96-B2).</summary>
    InstitutionOrEnterprise = 2,

    /// <summary>中小学、幼儿园, primary or secondary school, or kindergarten (W96-B3).</summary>
    SchoolOrKindergarten = 3,

    /// <summary>公共场所, public place (W96-B4).</summary>
    PublicPlace = 4,
}
