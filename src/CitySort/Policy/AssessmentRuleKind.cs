namespace CitySort.Policy;

/// <summary>Kinds of assessment rule (W96-A3, W96-A4). JSON names: <c>reductionReward</c>, <c>reductionCharge</c>.</summary>
public enum AssessmentRuleKind
{
    /// <summary>A district that beats its reduction target keeps the disposal fee saved (W96-A3).</summary>
    ReductionReward = 1,

    /// <summary>A district that misses its reduction target pays the disposal fee of the excess (W96-A4).</summary>
    ReductionCharge = 2,
}
