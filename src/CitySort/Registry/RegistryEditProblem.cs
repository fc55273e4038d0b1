namespace CitySort.Registry;

/// <summary>One reason an edit was refused: the JSON path of the field in the request and the reason in both languages.</summary>
/// <param name="Path">The JSON path in the request body, such as <c>$.longitude</c>, <c>$.bins[1]</c> or <c>$.version</c>; <c>$</c> for the record as a whole.</param>
/// <param name="Reason">The reason in English.</param>
/// <param name="ReasonZh">The reason in Chinese.</param>
public sealed record RegistryEditProblem(string Path, string Reason, string ReasonZh)
{
    /// <summary>The reason in Chinese when <paramref name="chinese"/>, else in English.</summary>
    /// <param name="chinese">True for Chinese.</param>
    /// <returns>The reason.</returns>
    public string ReasonFor(bool chinese) => chinese ? ReasonZh : Reason;
}
