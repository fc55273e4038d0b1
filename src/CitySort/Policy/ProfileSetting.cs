namespace CitySort.Policy;

/// <summary>
/// A named, versioned setting of the profile: one of the choices the plan leaves to the implementer (POLICY.md,
/// "What the plan leaves to the implementer"), with the clause it interprets and a note that says it is CitySort's
/// choice, not the plan's.
/// </summary>
/// <typeparam name="T">The setting's value type.</typeparam>
/// <param name="Name">The setting's JSON name, e.g. <c>essentiallyAllThreshold</c>.</param>
/// <param name="Clause">The clause the setting interprets, e.g. <c>W96-T1</c>.</param>
/// <param name="IsImplementerChoice">True when it is CitySort's choice rather than the plan's wording.</param>
/// <param name="IsIllustrative">True when its values are illustrative demo values, not real figures.</param>
/// <param name="Value">The value.</param>
/// <param name="Note">Why, in Chinese and English.</param>
public sealed record ProfileSetting<T>(string Name, string Clause, bool IsImplementerChoice, bool IsIllustrative, T Value, LocalizedText Note);
