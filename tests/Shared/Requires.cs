namespace CitySort.Testing;

/// <summary>
/// Finds the real components a test needs (the shared reference data, Chromium, PostgreSQL) and skips the
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
