namespace CitySort.Compliance;

/// <summary>Which part of the city a <see cref="CoverageFigure"/> is about.</summary>
public enum CoverageScopeKind
{
    /// <summary>The whole urban area of the profile's scope (W96: the urban districts and the functional zones).</summary>
    Urban = 1,

    /// <summary>One district, by the district code the registry holds for its sites.</summary>
    District = 2,

    /// <summary>One profile area defined over streets (e.g. the development zone).</summary>
    Area = 3,
}
