namespace CitySort.Testing;

/// <summary>
/// Finds the real components a test needs (the shared reference data, Chromium, PostgreSQL, Mosquitto) and skips the
/// test with a reason where one is missing; under <c>CI=true</c> a missing component fails the test instead,
/// because CI installs every component.
/// </summary>
public static class Requires
{
    /// <summary>True when the environment variable CI is <c>true</c> (case-insensitive).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The read-only reference data folder <c>shared/data</c> that sits beside the repository
    /// (<c>../shared/data</c> from the repository root), found by walking up from the test's base directory.
    /// Skips (or fails under CI) when it is absent.
    /// </summary>
    /// <returns>The absolute path of <c>shared/data</c>.</returns>
    public static string SharedData()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (dir.GetFiles("CitySort.slnx").Length > 0 && dir.Parent is not null)
            {
                candidate = Path.Combine(dir.Parent.FullName, "shared", "data");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }

                break;
            }

            dir = dir.Parent;
        }

        Missing("the reference data folder ../shared/data beside the repository is absent");
        return string.Empty;
    }

    /// <summary>The repository root (the folder holding CitySort.slnx), found from the test's base directory.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && dir.GetFiles("CitySort.slnx").Length == 0)
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CitySort.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The Mosquitto broker executable (Debian's <c>mosquitto</c> package, <c>/usr/sbin/mosquitto</c>, or
    /// <c>mosquitto</c> on the PATH). Skips (or fails under CI) when it is absent.
    /// </summary>
    /// <returns>The absolute path of the executable.</returns>
    public static string Mosquitto()
    {
        const string debian = "/usr/sbin/mosquitto";
        if (File.Exists(debian))
        {
            return debian;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "mosquitto");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Missing("the Mosquitto MQTT broker is not installed (apt-get install mosquitto)");
        return string.Empty;
    }

    /// <summary>
    /// Skips the test with <paramref name="reason"/>, or fails it under CI, where a missing component is a defect
    /// of the CI set-up rather than of the machine.
    /// </summary>
    public static void Missing(string reason)
    {
        if (IsCi)
        {
            Assert.Fail("Required under CI=true: " + reason);
        }

        Assert.Skip(reason);
    }
}
