namespace CitySort.Policy;

/// <summary>
/// The disposal fee per tonne at one facility (处理费, setting <c>gateFees</c>). The plan gives no fees (POLICY.md,
/// W96-F): the Wenzhou 2015 profile's values are illustrative demo values and say so.
/// </summary>
/// <param name="FacilityKey">Profile key of the facility, e.g. <c>yongqiang-wte</c>; the registry's facilities refer to it.</param>
/// <param name="Clause">The clause that names the facility, e.g. <c>W96-F3</c>.</param>
/// <param name="Kind">The facility kind, e.g. <c>incineration</c>, <c>landfill</c>.</param>
/// <param name="Name">Chinese and English names.</param>
/// <param name="GateFeeYuanPerTonne">The fee in yuan per tonne (0 or more).</param>
/// <param name="IsIllustrative">True when the fee is an illustrative demo value, not a real tariff.</param>
public sealed record FacilityGateFee(string FacilityKey, string Clause, string Kind, LocalizedText Name, decimal GateFeeYuanPerTonne, bool IsIllustrative);
