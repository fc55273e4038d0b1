namespace CitySort.Registry;

/// <summary>One broken registry invariant: the field it concerns and the reason in words a clerk understands, in English and Chinese.</summary>
/// <param name="Field">The field name as the import formats spell it (e.g. <c>district_code</c>).</param>
/// <param name="Reason">Why the value is not accepted, in English.</param>
/// <param name="ReasonZh">Why the value is not accepted, in Chinese (the dashboard's default language).</param>
public sealed record RegistryProblem(string Field, string Reason, string ReasonZh);
