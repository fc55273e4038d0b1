using System.Globalization;

namespace CitySort.Routing.Formats;

/// <summary>
/// Reads Solomon (1987) and Gehring–Homberger VRPTW files (.txt): a name line, a VEHICLE block (NUMBER, CAPACITY),
/// and a CUSTOMER block with one row per node: CUST NO., XCOORD., YCOORD., DEMAND, READY TIME, DUE DATE, SERVICE TIME.
/// The first row is the depot (its READY TIME and DUE DATE are the shift).
/// </summary>
/// <remarks>
/// DIMACS 2021 convention: each Euclidean distance is truncated to one decimal and travel time equals that distance.
/// Everything is stored in tenths (<see cref="Problem.CostScale"/> = 10): a distance of 12.3 is 123, a ready time of
/// 912 is 9120, a service time of 90 is 900. Coordinates keep the file's units. Clients are named by CUST NO., as in
/// the .sol files. The fleet is NUMBER vehicles of CAPACITY each. Tolerates CRLF, tabs, a BOM, blank and trailing
/// blank lines, and decimal values with at most one decimal place.
/// </remarks>
public static class SolomonReader
{
    /// <summary>The scale of the DIMACS convention: stored units per unit of the file.</summary>
    public const int Scale = 10;

    /// <summary>The largest time in tenths (10^15): far beyond any instance, and small enough that sums along a route cannot overflow.</summary>
    public const long MaxTenths = 1_000_000_000_000_000;

    /// <summary>Reads a Solomon-format file.</summary>
    /// <param name="path">The file path; it is named in errors as given.</param>
    /// <returns>The problem, or every error as "file:line: reason".</returns>
    /// <exception cref="IOException">The file cannot be read (infrastructure, not bad input).</exception>
    public static FormatResult<Problem> Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    /// <summary>Parses Solomon-format text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to put in errors.</param>
    /// <returns>The problem, or every error as "file:line: reason".</returns>
    public static FormatResult<Problem> Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<FormatError>();
        void Error(int line, string reason) => errors.Add(new FormatError(fileName, line, reason));

        string? name = null;
        int? vehicleCount = null;
        long? capacity = null;
        var block = string.Empty;
        var rows = new List<(int Line, string CustomerNumber, double X, double Y, long Demand, long Ready, long Due, long Service)>();

        foreach (var (line, text, tokens) in LineSource.Read(reader))
        {
            if (tokens.Length == 0)
            {
                continue;
            }

            var head = tokens[0].ToUpperInvariant();
            if (name is null)
            {
                // The first line names the instance; a file that starts straight with VEHICLE has no name.
                name = head == "VEHICLE" ? string.Empty : text.Trim();
                if (head != "VEHICLE")
                {
                    continue;
                }
            }

            if (head == "VEHICLE")
            {
                block = "VEHICLE";
                continue;
            }

            if (head == "CUSTOMER")
            {
                block = "CUSTOMER";
                continue;
            }

            if (head is "NUMBER" or "CUST")
            {
                continue;
            }

            switch (block)
            {
                case "VEHICLE":
                    if (vehicleCount is not null)
                    {
                        Error(line, "the VEHICLE block holds more than one line of numbers");
                    }
                    else if (tokens.Length != 2)
                    {
                        Error(line, $"expected 2 numbers (NUMBER, CAPACITY) but found {tokens.Length}");
                    }
                    else
                    {
                        vehicleCount = ParseWhole(tokens[0], line, "vehicle NUMBER", 1, Error) is { } v ? (int)Math.Min(v, int.MaxValue) : null;
                        capacity = ParseWhole(tokens[1], line, "CAPACITY", 1, Error);
                        vehicleCount ??= 0;
                    }

                    break;
                case "CUSTOMER":
                    if (tokens.Length != 7)
                    {
                        Error(line, $"expected 7 numbers (CUST NO., X, Y, DEMAND, READY TIME, DUE DATE, SERVICE TIME) but found {tokens.Length}");
                        break;
                    }

                    var x = ParseCoordinate(tokens[1], line, "XCOORD.", Error);
                    var y = ParseCoordinate(tokens[2], line, "YCOORD.", Error);
                    var demand = ParseWhole(tokens[3], line, "DEMAND", 0, Error);
                    var ready = ParseTenths(tokens[4], line, "READY TIME", Error);
                    var due = ParseTenths(tokens[5], line, "DUE DATE", Error);
                    var service = ParseTenths(tokens[6], line, "SERVICE TIME", Error);
                    if (x is { } xv && y is { } yv && demand is { } d && ready is { } r && due is { } u && service is { } s)
                    {
                        if (r > u)
                        {
                            Error(line, $"READY TIME {tokens[4]} is after DUE DATE {tokens[5]}");
                        }
                        else
                        {
                            rows.Add((line, tokens[0], xv, yv, d, r, u, s));
                        }
                    }

                    break;
                default:
                    Error(line, $"unexpected line \"{text.Trim()}\" before the VEHICLE and CUSTOMER blocks");
                    break;
            }
        }

        if (vehicleCount is null)
        {
            Error(0, "there is no VEHICLE block with NUMBER and CAPACITY");
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            Error(0, "there is no CUSTOMER block with a depot row");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!seen.TryAdd(row.CustomerNumber, row.Line))
            {
                Error(row.Line, $"CUST NO. {row.CustomerNumber} appears twice (first on line {seen[row.CustomerNumber]})");
            }
        }

        if (rows.Count > 0 && (rows[0].Demand != 0 || rows[0].Service != 0))
        {
            Error(rows[0].Line, "the depot (first row) must have DEMAND 0 and SERVICE TIME 0");
        }

        if (errors.Count > 0)
        {
            return FormatResult<Problem>.Failure(errors);
        }

        var builder = new ProblemBuilder { Name = name ?? string.Empty, CostScale = Scale };
        var depot = rows[0];
        builder.AddDepot(new Depot
        {
            Name = depot.CustomerNumber,
            X = depot.X,
            Y = depot.Y,
            TimeWindow = new TimeWindow(new Duration(depot.Ready), new Duration(depot.Due)),
        });
        foreach (var row in rows.Skip(1))
        {
            builder.AddClient(new Client
            {
                Name = row.CustomerNumber,
                X = row.X,
                Y = row.Y,
                Demand = new Load(row.Demand),
                ServiceDuration = new Duration(row.Service),
                TimeWindow = new TimeWindow(new Duration(row.Ready), new Duration(row.Due)),
            });
        }

        builder.AddVehicleType(new VehicleType { DepotIndex = 0, Capacity = new Load(capacity!.Value), Count = vehicleCount!.Value });
        builder.UseEuclideanDistances(EuclideanConvention.TruncateTenths);
        if (!builder.TryBuild(out var problem, out var problemErrors))
        {
            return FormatResult<Problem>.Failure(problemErrors.Select(e => new FormatError(fileName, 0, e)).ToList());
        }

        return FormatResult<Problem>.Success(problem);
    }

    private static long? ParseWhole(string token, int line, string what, long minimum, Action<int, string> error)
    {
        if (long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        error(line, $"{what} \"{token}\" is not a whole number of {minimum} or more");
        return null;
    }

    private static double? ParseCoordinate(string token, int line, string what, Action<int, string> error)
    {
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        error(line, $"{what} \"{token}\" is not a number");
        return null;
    }

    /// <summary>A non-negative time with at most one decimal, in tenths.</summary>
    private static long? ParseTenths(string token, int line, string what, Action<int, string> error)
    {
        if (decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            if (value > MaxTenths / Scale)
            {
                error(line, $"{what} \"{token}\" is too large (at most {MaxTenths / Scale})");
                return null;
            }

            var tenths = value * Scale;
            if (tenths == decimal.Truncate(tenths))
            {
                return (long)tenths;
            }

            error(line, $"{what} \"{token}\" has more than one decimal place");
            return null;
        }

        error(line, $"{what} \"{token}\" is not a number of 0 or more");
        return null;
    }
}
