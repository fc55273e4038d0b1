namespace CitySort.Browser.Tests;

/// <summary>The browser tests that share one <see cref="DemoCityWithHostileNames"/> server (seeded and planned once).</summary>
[CollectionDefinition(nameof(DemoCityCollection))]
public sealed class DemoCityCollection : ICollectionFixture<DemoCityWithHostileNames>;
