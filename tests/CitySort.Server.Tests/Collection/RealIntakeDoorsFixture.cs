namespace CitySort.Server.Tests.Collection;

/// <summary>The doors of <see cref="DoorsFixture"/> in front of the stored intake and event store (SQLite).</summary>
public sealed class RealIntakeDoorsFixture : DoorsFixture
{
    /// <inheritdoc />
    protected override bool UseStoredIntake => true;
}
