using System.Globalization;

namespace CitySort.Routing.Benchmarks;

/// <summary>
/// The best published result per instance from a <c>published_results.csv</c> beside a set of instances (columns
/// include <c>instance</c>, <c>vehicles</c> and <c>distance_miles</c>; one line per published result), for sets such as
/// the waste-collection instances of Kim et al. (2006) whose published results came without routes.
/// </summary>
public static class PublishedResults
{
    /// <summary>The file name looked for beside the instances.</summary>
    public const string FileName = "published_results.csv";

    /// <summary>
    /// Reads the smallest published distance per instance and the vehicle count of that result. Lines that cannot be
    /// read (a missing column, a distance that is not a number) are skipped: the figures are for comparison only.
    /// </summary>
    /// <param name="path">The CSV file (no quoted fields).</param>
    /// <returns>Instance name (as in the file, e.g. "102_stop") to (miles, vehicles).</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyDictionary<string, (decimal Miles, int Vehicles)> ReadBest(string path)
    {
        var best = new Dictionary<string, (decimal Miles, int Vehicles)>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            return best;
        }

        var columns = lines[0].Split(',');
        var instance = Array.IndexOf(columns, "instance");
        var vehicles = Array.IndexOf(columns, "vehicles");
        var miles = Array.IndexOf(columns, "distance_miles");
        if (instance < 0 || vehicles < 0 || miles < 0)
        {
            return best;
        }

        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length <= Math.Max(instance, Math.Max(vehicles, miles))
                || !decimal.TryParse(cells[miles], NumberStyles.Number, CultureInfo.InvariantCulture, out var distance)
                || !int.TryParse(cells[vehicles], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                continue;
            }

            if (!best.TryGetValue(cells[instance], out var known) || distance < known.Miles)
            {
                best[cells[instance]] = (distance, count);
            }
        }

        return best;
    }
}
