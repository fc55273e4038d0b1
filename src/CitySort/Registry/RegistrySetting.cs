namespace CitySort.Registry;

/// <summary>
/// One named fact about the registry as a whole (table <c>RegistrySettings</c>), such as when its demo city was
/// removed. Natural key: <see cref="Key"/>.
/// </summary>
public sealed class RegistrySetting
{
    /// <summary>The key under which <c>citysort demo remove</c> records the removal (value: the UTC instant, ISO 8601).</summary>
    public const string DemoRemovedKey = "demo.removed";

    /// <summary>The setting's name, 1 to 64 characters.</summary>
    public required string Key { get; set; }

    /// <summary>The setting's value as text.</summary>
    public required string Value { get; set; }
}
