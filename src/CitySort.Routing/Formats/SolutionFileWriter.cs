using System.Globalization;

namespace CitySort.Routing.Formats;

/// <summary>
/// Writes a solution in the CVRPLIB .sol style read by <see cref="SolutionFileReader"/>: "Route #k: c1 c2 …" per
/// route (clients by name), then "Cost X" in the source's units (divided by <see cref="Problem.CostScale"/>).
/// A vehicle type other than 0 is written as "Route #k (type t):"; unloading at facility f as the token "@f".
/// </summary>
public static class SolutionFileWriter
{
    /// <summary>Writes <paramref name="solution"/> to <paramref name="writer"/> with LF line endings.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="problem">The problem, for client names and the cost scale.</param>
    /// <param name="solution">The solution.</param>
    public static void Write(TextWriter writer, Problem problem, Solution solution)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        for (var r = 0; r < solution.Routes.Count; r++)
        {
            var route = solution.Routes[r];
            writer.Write("Route #");
            writer.Write((r + 1).ToString(CultureInfo.InvariantCulture));
            if (route.VehicleTypeIndex != 0)
            {
                writer.Write(" (type " + route.VehicleTypeIndex.ToString(CultureInfo.InvariantCulture) + ")");
            }

            writer.Write(':');
            foreach (var trip in route.Trips)
            {
                foreach (var c in trip.Clients)
                {
                    writer.Write(' ');
                    writer.Write(problem.ClientLabel(c));
                }

                if (trip.FacilityIndex is { } f)
                {
                    writer.Write(" @" + f.ToString(CultureInfo.InvariantCulture));
                }
            }

            writer.Write('\n');
        }

        writer.Write("Cost " + problem.FormatCost(solution.Cost) + "\n");
    }

    /// <summary>Writes <paramref name="solution"/> to a file, replacing it.</summary>
    /// <param name="path">The file path.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="solution">The solution.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void WriteFile(string path, Problem problem, Solution solution)
    {
        using var writer = new StreamWriter(path);
        Write(writer, problem, solution);
    }

    /// <summary>The solution as .sol text.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="solution">The solution.</param>
    /// <returns>The text, LF line endings.</returns>
    public static string ToText(Problem problem, Solution solution)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, problem, solution);
        return writer.ToString();
    }
}
