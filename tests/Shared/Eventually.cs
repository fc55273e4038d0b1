namespace CitySort.Testing;

/// <summary>
/// Runs a clean-up step that can meet a passing condition of a real component, again until it succeeds or a time
/// runs out: e.g. PostgreSQL refuses <c>DROP DATABASE … WITH (FORCE)</c> with 42501 while an autovacuum worker of
/// the superuser is in the database, which ends within moments.
/// </summary>
public static class Eventually
{
    /// <summary>Runs <paramref name="action"/> until it succeeds, retrying only exceptions <paramref name="isTransient"/> accepts.</summary>
    /// <param name="action">The step.</param>
    /// <param name="isTransient">True for an exception worth another try.</param>
    /// <param name="timeout">How long to keep trying; the last exception is thrown after it.</param>
    /// <returns>A task that ends when the step has succeeded.</returns>
    public static async Task RunAsync(Func<Task> action, Func<Exception, bool> isTransient, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(isTransient);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception e) when (isTransient(e) && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="message"/> after <paramref name="timeout"/>.</summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeout">How long to keep polling.</param>
    /// <param name="message">What did not happen.</param>
    /// <returns>A task that ends when the condition holds.</returns>
    /// <exception cref="TimeoutException">When it did not hold in time.</exception>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string message)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException(message);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
