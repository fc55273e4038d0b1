namespace CitySort.Policy;

/// <summary>
/// A text in Chinese (shown by default) and English, as the profile writes every name, note and description.
/// Source: the profile format <c>citysort-profile/1</c> (docs/profile.md), field shape <c>{ "zh": "…", "en": "…" }</c>.
/// </summary>
/// <param name="Zh">The Chinese text (never empty in a loaded profile).</param>
/// <param name="En">The English text (never empty in a loaded profile).</param>
public sealed record LocalizedText(string Zh, string En)
{
    /// <inheritdoc />
    public override string ToString() => Zh + " / " + En;
}
