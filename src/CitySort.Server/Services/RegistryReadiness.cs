namespace CitySort.Server.Services;

/// <summary>
/// Whether the registry is ready for the API: set once the database is migrated and the demo city (if any) is
/// seeded. The dashboard's files are served before that, so the page appears while the demo city is being generated;
/// API requests wait for it.
/// </summary>
internal sealed class RegistryReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the registry is ready.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Marks the registry ready (also after a failed seeding, which leaves it empty but usable).</summary>
    public void MarkReady() => _ready.TrySetResult();

    /// <summary>Waits until the registry is ready or <paramref name="cancellationToken"/> fires.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => Ready.WaitAsync(cancellationToken);
}
