using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>What the intake knows of a registered facility.</summary>
/// <param name="Code">The facility code.</param>
/// <param name="Kind">What it does (decides residual tonnage, W96-T5, and harmless treatment, W96-T4).</param>
/// <param name="AcceptedCategories">The categories it takes.</param>
/// <param name="AcceptedStreams">The special streams it takes.</param>
/// <param name="RetiredAt">When it was retired (UTC); events after it that name it are refused (<see cref="ReasonCodes.Retired"/>); null while in service.</param>
public sealed record FacilityFacts(string Code, FacilityKind Kind, IReadOnlySet<WasteCategory> AcceptedCategories, IReadOnlySet<SpecialStream> AcceptedStreams, DateTimeOffset? RetiredAt = null)
{
    /// <summary>True when the facility takes the category or stream for treatment or disposal (a transfer station never treats).</summary>
    /// <param name="category">The declared category, or null.</param>
    /// <param name="stream">The declared stream, or null.</param>
    public bool Treats(WasteCategory? category, SpecialStream? stream) =>
        Kind != FacilityKind.TransferStation
        && ((category is { } c && AcceptedCategories.Contains(c)) || (stream is { } s && AcceptedStreams.Contains(s)));
}
