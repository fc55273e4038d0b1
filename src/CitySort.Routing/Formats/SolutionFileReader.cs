using System.Globalization;

namespace CitySort.Routing.Formats;

/// <summary>
/// Reads CVRPLIB-style solution files (.sol): one line "Route #k: c1 c2 …" per route and a line "Cost X".
/// Clients are written by name (<see cref="Client.Name"/>): for CVRPLIB client i is the i-th non-depot node, for
/// Solomon the CUST NO. The depot is implicit. Blank lines and "Time …"/"Vehicles …" lines are ignored.
/// </summary>
/// <remarks>
/// Extensions written by <see cref="SolutionFileWriter"/> for features the plain format lacks: "Route #k (type t):"
/// names the vehicle type (default 0), and a token "@f" ends a trip with unloading at facility index f (multi-trip).
/// The stated cost is multiplied by <see cref="Problem.CostScale"/> and must then be a whole number.
/// </remarks>
public static class SolutionFileReader
{
    /// <summary>The largest stated cost in the problem's integer units (10^18, below <see cref="long.MaxValue"/>).</summary>
    public const long MaxCost = 1_000_000_000_000_000_000;

    /// <summary>Reads a .sol file for <paramref name="problem"/>.</summary>
    /// <param name="path">The file path; it is named in errors as given.</param>
    /// <param name="problem">The problem the solution belongs to.</param>
    /// <returns>The solution and stated cost, or every error as "file:line: reason".</returns>
    /// <exception cref="IOException">The file cannot be read (infrastructure, not bad input).</exception>
    public static FormatResult<SolutionFile> Read(string path, Problem problem)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path, problem);
    }

    /// <summary>Parses .sol text for <paramref name="problem"/>.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to put in errors.</param>
    /// <param name="problem">The problem the solution belongs to.</param>
    /// <returns>The solution and stated cost, or every error as "file:line: reason".</returns>
    public static FormatResult<SolutionFile> Parse(TextReader reader, string fileName, Problem problem)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(problem);
        var errors = new List<FormatError>();
        void Error(int line, string reason) => errors.Add(new FormatError(fileName, line, reason));

        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < problem.Clients.Count; i++)
        {
            byName.TryAdd(problem.ClientLabel(i), i);
        }

        var routes = new List<Route>();
        Distance? statedCost = null;
        foreach (var (line, text, tokens) in LineSource.Read(reader))
        {
            if (tokens.Length == 0)
            {
                continue;
            }

            var head = tokens[0].ToUpperInvariant();
            if (head == "ROUTE")
            {
                if (ParseRoute(text, line, problem, byName, Error) is { } route)
                {
                    routes.Add(route);
                }
            }
            else if (head.StartsWith("COST", StringComparison.Ordinal))
            {
                var value = text.Trim()[4..].TrimStart(':', ' ', '\t');
                if (statedCost is not null)
                {
                    Error(line, "the Cost line appears twice");
                }
                else if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) && cost >= 0)
                {
                    if (cost > MaxCost / problem.CostScale)
                    {
                        Error(line, $"cost {value} is too large (at most {MaxCost / problem.CostScale})");
                        continue;
                    }

                    var scaled = cost * problem.CostScale;
                    if (scaled != decimal.Truncate(scaled))
                    {
                        Error(line, $"cost {value} has more decimals than the scale {problem.CostScale} allows");
                    }
                    else
                    {
                        statedCost = new Distance((long)scaled);
                    }
                }
                else
                {
                    Error(line, $"cost \"{value}\" is not a number of 0 or more");
                }
            }
            else if (head is "TIME" or "VEHICLES" or "RUNTIME")
            {
                continue;
            }
            else
            {
                Error(line, $"unexpected line \"{text.Trim()}\"; expected \"Route #k: …\" or \"Cost …\"");
            }
        }

        if (errors.Count > 0)
        {
            return FormatResult<SolutionFile>.Failure(errors);
        }

        return FormatResult<SolutionFile>.Success(new SolutionFile(Solution.FromRoutes(problem, routes), statedCost));
    }

    private static Route? ParseRoute(string text, int line, Problem problem, Dictionary<string, int> byName, Action<int, string> error)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error(line, "a Route line needs a colon: \"Route #k: c1 c2 …\"");
            return null;
        }

        var label = text[..colon];
        var vehicleType = 0;
        var typeAt = label.IndexOf("(type", StringComparison.OrdinalIgnoreCase);
        if (typeAt >= 0)
        {
            var inner = label[(typeAt + 5)..].Trim().TrimEnd(')').Trim();
            if (!int.TryParse(inner, NumberStyles.Integer, CultureInfo.InvariantCulture, out vehicleType)
                || vehicleType < 0 || vehicleType >= problem.VehicleTypes.Count)
            {
                error(line, $"vehicle type \"{inner}\" does not exist (there are {problem.VehicleTypes.Count})");
                return null;
            }
        }

        var trips = new List<Trip>();
        var current = new List<int>();
        var ok = true;
        foreach (var token in text[(colon + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token[0] == '@')
            {
                if (int.TryParse(token.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var f)
                    && f >= 0 && f < problem.Facilities.Count)
                {
                    trips.Add(new Trip(current, f));
                    current = [];
                }
                else
                {
                    error(line, $"unloading mark \"{token}\" names no facility (there are {problem.Facilities.Count})");
                    ok = false;
                }
            }
            else if (byName.TryGetValue(token, out var client))
            {
                current.Add(client);
            }
            else
            {
                error(line, $"client \"{token}\" does not exist in the problem");
                ok = false;
            }
        }

        if (current.Count > 0 || trips.Count == 0)
        {
            trips.Add(new Trip(current));
        }

        return ok ? new Route(vehicleType, trips) : null;
    }
}
