namespace CitySort.Policy;

/// <summary>The formulas of the W96-T4 rates (setting <c>rateFormulas</c>, CitySort's choice).</summary>
/// <param name="SortedTransportRate">The sorted-transport rate's formula.</param>
/// <param name="HarmlessTreatmentRate">The harmless-treatment rate's formula.</param>
public sealed record RateFormulas(SortedTransportRateFormula SortedTransportRate, HarmlessTreatmentRateFormula HarmlessTreatmentRate);
