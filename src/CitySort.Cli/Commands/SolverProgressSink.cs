namespace CitySort.Cli.Commands;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread at once (no synchronisation context), for solver and benchmark progress.</summary>
/// <typeparam name="T">The report type.</typeparam>
internal sealed class SolverProgressSink<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
