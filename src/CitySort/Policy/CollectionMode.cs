using CitySort.Registry;

namespace CitySort.Policy;

/// <summary>How one or more categories are collected and transported (W96-K1..K5).</summary>
/// <param name="Clause">The clause, e.g. <c>W96-K3</c>.</param>
/// <param name="Categories">The categories it covers.</param>
/// <param name="Streams">The special streams it covers.</param>
/// <param name="Methods">The ways of collection (may be empty for a rule over all, such as W96-K5).</param>
/// <param name="Collector">Who collects, in the plan's words.</param>
/// <param name="Destination">Where it goes, when the plan names it.</param>
/// <param name="SameDayClearance">Whether it is cleared the same day (日产日清, W96-K3).</param>
/// <param name="SealedTransport">Whether transport must be sealed (W96-K5).</param>
/// <param name="MixingForbidden">Whether mixing sorted waste in the truck is forbidden (W96-K5).</param>
public sealed record CollectionMode(
    string Clause,
    IReadOnlyList<WasteCategory> Categories,
    IReadOnlyList<SpecialStream> Streams,
    IReadOnlyList<CollectionMethod> Methods,
    LocalizedText Collector,
    LocalizedText? Destination,
    bool SameDayClearance,
    bool SealedTransport,
    bool MixingForbidden);
