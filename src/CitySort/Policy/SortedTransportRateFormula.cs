namespace CitySort.Policy;

/// <summary>
/// How the sorted-transport rate of W96-T4 is computed from weigh tickets (setting <c>rateFormulas</c>, CitySort's
/// choice). Names only: the Collection capability implements them.
/// </summary>
public enum SortedTransportRateFormula
{
    /// <summary>
    /// <c>sortedNetKgOverCollectedNetKg</c>: net kg delivered by sorted (dedicated) vehicles with a declared category
    /// ÷ all net kg collected, over the same days and scope.
    /// </summary>
    SortedNetKgOverCollectedNetKg = 1,
}
