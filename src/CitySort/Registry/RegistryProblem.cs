namespace CitySort.Registry;

/// <summary>One broken registry invariant: the field it concerns and the reason in words a clerk understands.</summary>
/// <param name="Field">The field name as the import formats spell it (e.g. <c>district_code</c>).</param>
/// <param name="Reason">Why the value is not accepted.</param>
public sealed record RegistryProblem(string Field, string Reason);
