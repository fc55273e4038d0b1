using CitySort.Tests.Collection;

namespace CitySort.Tests.Registry;

/// <summary>The registry edits on PostgreSQL (skipped without CITYSORT_TEST_POSTGRES, failed under CI=true).</summary>
public sealed class PostgreSqlRegistryEditTests : RegistryEditTests
{
    private protected override Task<CollectionHost> OpenAsync() => CollectionHost.PostgreSqlAsync();
}
