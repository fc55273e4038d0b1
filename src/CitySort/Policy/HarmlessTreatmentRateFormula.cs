namespace CitySort.Policy;

/// <summary>
/// How the harmless-treatment rate of W96-T4 is computed from weigh tickets (setting <c>rateFormulas</c>, CitySort's
/// choice). Names only: the Collection capability implements them.
/// </summary>
public enum HarmlessTreatmentRateFormula
{
    /// <summary>
    /// <c>treatedNetKgOverCollectedNetKg</c>: net kg received at harmless-treatment facilities (incineration, sanitary
    /// landfill, licensed treatment plants) ÷ all net kg collected, over the same days and scope.
    /// </summary>
    TreatedNetKgOverCollectedNetKg = 1,
}
