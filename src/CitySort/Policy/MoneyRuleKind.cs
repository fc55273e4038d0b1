namespace CitySort.Policy;

/// <summary>Kinds of money rule (W96-M0..M4). JSON names are camelCase: <c>binRenewalSubsidy</c>, …</summary>
public enum MoneyRuleKind
{
    /// <summary>The city pays a share of the districts' cost of renewing compound bins (W96-M1).</summary>
    BinRenewalSubsidy = 1,

    /// <summary>A city fund for publicity and training (W96-M2).</summary>
    PublicityAndTrainingFund = 2,

    /// <summary>Units pay for their own bins (W96-M3).</summary>
    SelfFunded = 3,

    /// <summary>Each district's sorting reward fund (W96-M4).</summary>
    RewardFund = 4,

    /// <summary>City and district budgets fund the work (W96-M0).</summary>
    BudgetFunded = 5,
}
