namespace CitySort.Collection;

/// <summary>Why one event was refused: a reason code of <see cref="ReasonCodes"/> and the reason in English and Chinese.</summary>
/// <param name="Code">The reason code.</param>
/// <param name="Reason">The reason in English, starting with the JSON path where one applies (<c>$.grossKg: …</c>).</param>
/// <param name="ReasonZh">The same in Chinese.</param>
public sealed record EventProblem(string Code, string Reason, string ReasonZh)
{
    /// <summary>A problem at a JSON path: the path is put before both texts.</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="path">The JSON path, such as <c>$.point.latitude</c>.</param>
    /// <param name="english">The English reason.</param>
    /// <param name="chinese">The Chinese reason.</param>
    public static EventProblem At(string code, string path, string english, string chinese) =>
        new(code, path + ": " + english, path + "：" + chinese);
}
