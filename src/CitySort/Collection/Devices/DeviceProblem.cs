namespace CitySort.Collection.Devices;

/// <summary>Why a device registration was refused, naming the field (<c>id</c>, <c>kind</c>, <c>plate</c>, <c>facility</c>, <c>timeZone</c>).</summary>
/// <param name="Field">The registration field concerned.</param>
/// <param name="Reason">The reason in English.</param>
/// <param name="ReasonZh">The reason in Chinese.</param>
public sealed record DeviceProblem(string Field, string Reason, string ReasonZh)
{
    /// <summary>Formats the problem as <c>field: reason / 中文</c>.</summary>
    public override string ToString() => $"{Field}: {Reason} / {ReasonZh}";
}
