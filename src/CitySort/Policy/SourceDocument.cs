namespace CitySort.Policy;

/// <summary>
/// A document the profile's clauses come from, such as W96 (温政办〔2015〕96号) or W58 (温政发〔2015〕58号).
/// Every clause id in the profile starts with the id of a declared source (<c>W96-T1</c> → <c>W96</c>).
/// </summary>
/// <param name="Id">Short id used as the clause prefix, e.g. <c>W96</c>.</param>
/// <param name="Number">The official document number (文号), when it has one.</param>
/// <param name="Title">The document's title.</param>
/// <param name="Issuer">Who issued it, when stated.</param>
/// <param name="Issued">The date of issue, when stated.</param>
public sealed record SourceDocument(string Id, string? Number, LocalizedText Title, LocalizedText? Issuer, DateOnly? Issued);
