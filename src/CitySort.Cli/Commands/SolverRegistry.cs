using CitySort.Routing;
using CitySort.Routing.OrTools;

namespace CitySort.Cli.Commands;

/// <summary>
/// The routing solvers the command line knows, by name, in column order for benchmarks (ours first, the baseline
/// last). Adding a solver is one line here.
/// </summary>
internal static class SolverRegistry
{
    /// <summary>The name of the baseline solver that benchmarks compare against.</summary>
    public const string Baseline = "ortools";

    private static readonly (string Name, Func<ISolver> Create)[] Solvers =
    [
        ("hgs", () => new CitySort.Routing.Hgs.HgsSolver()),
        ("ortools", () => new OrToolsSolver()),
    ];

    /// <summary>The registered names, in column order.</summary>
    public static IReadOnlyList<string> Names => [.. Solvers.Select(s => s.Name)];

    /// <summary>The solver used when none is named: "hgs" when registered, else the first.</summary>
    public static string DefaultName => Names.Contains("hgs") ? "hgs" : Names[0];

    /// <summary>Creates the solver named <paramref name="name"/> (case-insensitive), or null when it is not registered.</summary>
    public static ISolver? Create(string name) =>
        Solvers.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)).Create?.Invoke();

    /// <summary>The message for an unknown solver name.</summary>
    public static string Unknown(string name) =>
        $"solver \"{name}\" is not available in this build (available: {string.Join(", ", Names)})";
}
