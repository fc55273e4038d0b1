using System.Globalization;

namespace CitySort.Routing.Formats;

/// <summary>
/// Reads the waste-collection VRPTW instances of Kim, Kim &amp; Sahoo (2006), "Waste collection vehicle routing problem
/// with time windows", Computers &amp; Operations Research 33(12), 3624–3642 (files <c>NNN_stop.txt</c>): five header
/// lines (capacity Q in cubic yards, the most a truck may collect per day Q*, the most regular stops per day S*, the
/// lunch duration in seconds, the speed in miles per hour), each a number followed by a <c>//</c> comment, a column
/// header, then one row per node: Stop_ID, X and Y in feet, earliest and latest start of service as clock time HHMM,
/// service (or unloading) time in seconds, load in cubic yards, and the stop type (0 depot, 1 regular stop, 2 disposal
/// facility).
/// </summary>
/// <remarks>
/// <para>Integer scaling, chosen so that nothing the file states is rounded:</para>
/// <list type="bullet">
/// <item>Distance is the Manhattan distance |dx| + |dy| in hundredths of a foot (<see cref="DistanceUnitsPerFoot"/>),
/// exact because coordinates have at most two decimals. <see cref="Problem.CostScale"/> is
/// <see cref="DistanceUnitsPerMile"/> (528 000 per mile), so <see cref="Problem.FormatCost"/> prints miles.</item>
/// <item>Durations are in tenths of a second (<see cref="DurationUnitsPerSecond"/>). Travel time at the file's speed v
/// (mph) is feet × 3600 / (5280 v) seconds, rounded up to the next tenth of a second, so a plan that is feasible here
/// is feasible in exact arithmetic too. For 102, depot (1215029, 3461398) to node 1 (1229125, 3460107) is 15 387 ft
/// = 2.914 mi; 15 387 × 3600 / 211 200 = 262.27 s, stored as 2623 (262.3 s).</item>
/// <item>Clock times HHMM become seconds from midnight: (HH × 60 + MM) × 60. Minutes of 60 or more are read as
/// hours · 60 + minutes, i.e. carried into the hours: <c>875</c> in 1932 is 8 × 60 + 75 = 555 minutes = 09:15.</item>
/// <item>Loads are in tenths of a cubic yard (<see cref="LoadUnitsPerCubicYard"/>); a load with more than one decimal
/// is an error. The 9999 placeholder of the depot and the facilities is ignored.</item>
/// </list>
/// <para>The problem has one depot (type 0; its window is the working day), the regular stops as clients in row order
/// named by Stop_ID, the disposal facilities in row order named by Stop_ID with their windows and unloading times,
/// and one unlimited vehicle type of capacity Q that unloads at every facility, with <see cref="VehicleType.MaxLoadPerDay"/>
/// Q*, <see cref="VehicleType.MaxClientsPerDay"/> S* and a lunch break of the stated duration starting between 11:00
/// and 12:00 (the rule the files state in their comment).</para>
/// </remarks>
public static class WasteCollectionReader
{
    /// <summary>Stored distance units per foot: hundredths of a foot.</summary>
    public const int DistanceUnitsPerFoot = 100;

    /// <summary>The largest value in the file's scaled units (10^15): far beyond any instance, and small enough that sums along a route cannot overflow.</summary>
    public const long MaxScaled = 1_000_000_000_000_000;

    /// <summary>Stored distance units per mile (5280 ft × 100): the problem's <see cref="Problem.CostScale"/>.</summary>
    public const int DistanceUnitsPerMile = 5280 * DistanceUnitsPerFoot;

    /// <summary>Stored duration units per second: tenths of a second.</summary>
    public const int DurationUnitsPerSecond = 10;

    /// <summary>Stored load units per cubic yard: tenths of a yard.</summary>
    public const int LoadUnitsPerCubicYard = 10;

    /// <summary>The lunch break's start window in seconds from midnight: 11:00 to 12:00.</summary>
    public static TimeWindow LunchStartSeconds => new(new Duration(11 * 3600), new Duration(12 * 3600));

    /// <summary>True when <paramref name="path"/> is named like the format's files (<c>…_stop.txt</c>, any case).</summary>
    /// <param name="path">A file path.</param>
    /// <returns>Whether this reader is meant for it.</returns>
    public static bool IsWasteCollectionFile(string path) =>
        Path.GetFileName(path).EndsWith("_stop.txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a file.</summary>
    /// <param name="path">The file path; it is named in errors as given.</param>
    /// <returns>The problem, or every error as "file:line: reason".</returns>
    /// <exception cref="IOException">The file cannot be read (infrastructure, not bad input).</exception>
    public static FormatResult<Problem> Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    /// <summary>Parses the format's text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to put in errors and, without its extension, the problem's name.</param>
    /// <returns>The problem, or every error as "file:line: reason".</returns>
    public static FormatResult<Problem> Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<FormatError>();
        void Error(int line, string reason) => errors.Add(new FormatError(fileName, line, reason));

        string[] headerNames = ["vehicle capacity", "load per day", "stops per day", "lunch duration", "speed"];
        var header = new decimal?[5];
        var rows = new List<Row>();
        var lines = LineSource.Read(reader);
        foreach (var (line, text, tokens) in lines)
        {
            if (line <= 5)
            {
                var number = text.Split("//", 2)[0].Trim();
                if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0)
                {
                    Error(line, $"{headerNames[line - 1]} \"{number}\" is not a number above 0");
                }
                else
                {
                    header[line - 1] = value;
                }

                continue;
            }

            if (line == 6 || tokens.Length == 0)
            {
                continue;
            }

            if (tokens.Length != 8)
            {
                Error(line, $"expected 8 values (Stop_ID, X, Y, earliest and latest start, service seconds, load, stop type) but found {tokens.Length}");
                continue;
            }

            var x = ParseScaled(tokens[1], DistanceUnitsPerFoot, 2, line, "X (feet)", allowNegative: true, Error);
            var y = ParseScaled(tokens[2], DistanceUnitsPerFoot, 2, line, "Y (feet)", allowNegative: true, Error);
            var early = ParseClock(tokens[3], line, "earliest start", Error);
            var late = ParseClock(tokens[4], line, "latest start", Error);
            var service = ParseScaled(tokens[5], DurationUnitsPerSecond, 1, line, "service seconds", allowNegative: false, Error);
            var type = tokens[7] switch { "0" => 0, "1" => 1, "2" => 2, _ => -1 };
            if (type < 0)
            {
                Error(line, $"stop type \"{tokens[7]}\" is not 0 (depot), 1 (regular stop) or 2 (disposal facility)");
            }

            var load = type == 1 ? ParseScaled(tokens[6], LoadUnitsPerCubicYard, 1, line, "load (yards)", allowNegative: false, Error) : 0;
            if (x is { } xv && y is { } yv && early is { } e && late is { } l && service is { } s && load is { } q && type >= 0)
            {
                if (e > l)
                {
                    Error(line, $"earliest start {tokens[3]} is after latest start {tokens[4]}");
                }
                else
                {
                    rows.Add(new Row(line, tokens[0], xv, yv, e, l, s, q, type));
                }
            }
        }

        if (lines.Count < 6)
        {
            Error(0, "the file ends before the five header lines and the column header");
        }

        var depots = rows.Where(r => r.Type == 0).ToList();
        if (depots.Count != 1 && errors.Count == 0)
        {
            Error(depots.Count == 0 ? 0 : depots[1].Line, $"expected exactly one depot (stop type 0) but found {depots.Count}");
        }

        if (!rows.Any(r => r.Type == 2) && errors.Count == 0)
        {
            Error(0, "there is no disposal facility (stop type 2)");
        }

        if (errors.Count > 0)
        {
            return FormatResult<Problem>.Failure(errors);
        }

        var capacity = ToScaled(header[0]!.Value, LoadUnitsPerCubicYard, 1, r => Error(1, $"vehicle capacity {header[0]} {r}"));
        var dayLoad = ToScaled(header[1]!.Value, LoadUnitsPerCubicYard, 1, r => Error(2, $"load per day {header[1]} {r}"));
        var dayStops = header[2]!.Value;
        var lunch = ToScaled(header[3]!.Value, DurationUnitsPerSecond, 1, r => Error(4, $"lunch duration {header[3]} {r}"));
        var speedMph = header[4]!.Value;
        if (dayStops != decimal.Truncate(dayStops) || dayStops > int.MaxValue)
        {
            Error(3, $"stops per day \"{dayStops}\" is not a whole number");
        }

        if (errors.Count > 0)
        {
            return FormatResult<Problem>.Failure(errors);
        }

        var ordered = depots.Concat(rows.Where(r => r.Type == 1)).Concat(rows.Where(r => r.Type == 2)).ToArray();
        var builder = new ProblemBuilder
        {
            Name = Path.GetFileNameWithoutExtension(fileName),
            CostScale = DistanceUnitsPerMile,
        };
        foreach (var row in ordered)
        {
            var window = new TimeWindow(new Duration(row.Early), new Duration(row.Late));
            var (xf, yf) = (row.X / (double)DistanceUnitsPerFoot, row.Y / (double)DistanceUnitsPerFoot);
            switch (row.Type)
            {
                case 0:
                    builder.AddDepot(new Depot { Name = row.Id, X = xf, Y = yf, TimeWindow = window });
                    break;
                case 1:
                    builder.AddClient(new Client
                    {
                        Name = row.Id,
                        X = xf,
                        Y = yf,
                        Demand = new Load(row.Load),
                        ServiceDuration = new Duration(row.Service),
                        TimeWindow = window,
                    });
                    break;
                default:
                    builder.AddFacility(new Facility { Name = row.Id, X = xf, Y = yf, ServiceDuration = new Duration(row.Service), TimeWindow = window });
                    break;
            }
        }

        var n = ordered.Length;
        var distances = new long[n, n];
        var durations = new long[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var d = Math.Abs(ordered[i].X - ordered[j].X) + Math.Abs(ordered[i].Y - ordered[j].Y);
                distances[i, j] = d;
                durations[i, j] = TravelTenthsOfSecond(d, speedMph);
            }
        }

        builder.SetDistanceMatrix(distances);
        builder.SetDurationMatrix(durations);
        builder.AddVehicleType(new VehicleType
        {
            Name = "truck",
            Capacity = new Load(capacity!.Value),
            UnloadingFacilities = Enumerable.Range(0, builder.FacilityCount).ToArray(),
            MaxLoadPerDay = new Load(dayLoad!.Value),
            MaxClientsPerDay = (int)dayStops,
            Break = new VehicleBreak
            {
                Duration = new Duration(lunch!.Value),
                StartWindow = new TimeWindow(
                    new Duration(LunchStartSeconds.Earliest.Value * DurationUnitsPerSecond),
                    new Duration(LunchStartSeconds.Latest.Value * DurationUnitsPerSecond)),
            },
        });
        if (!builder.TryBuild(out var problem, out var problemErrors))
        {
            return FormatResult<Problem>.Failure(problemErrors.Select(e => new FormatError(fileName, 0, e)).ToList());
        }

        return FormatResult<Problem>.Success(problem);
    }

    /// <summary>
    /// The travel time of <paramref name="hundredthsOfFoot"/> at <paramref name="speedMph"/>, in tenths of a second,
    /// rounded up: ceil(feet × 3600 / (5280 × mph) × 10) = ceil(h × 360 / (5280 × mph)) for h hundredths of a foot.
    /// </summary>
    /// <param name="hundredthsOfFoot">A distance in hundredths of a foot, zero or more.</param>
    /// <param name="speedMph">The speed in miles per hour, above zero.</param>
    /// <returns>Tenths of a second.</returns>
    public static long TravelTenthsOfSecond(long hundredthsOfFoot, decimal speedMph)
    {
        var exact = hundredthsOfFoot * 360m / (5280m * speedMph);
        return (long)decimal.Ceiling(exact);
    }

    private static long? ParseScaled(string token, int scale, int decimals, int line, string what, bool allowNegative, Action<int, string> error)
    {
        if (!decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || (!allowNegative && value < 0))
        {
            error(line, $"{what} \"{token}\" is not a number{(allowNegative ? string.Empty : " of 0 or more")}");
            return null;
        }

        return ToScaled(value, scale, decimals, reason => error(line, $"{what} \"{token}\" {reason}"));
    }

    private static long? ToScaled(decimal value, int scale, int decimals, Action<string> fail)
    {
        if (Math.Abs(value) > MaxScaled / scale)
        {
            fail($"is too large (at most {MaxScaled / scale} in size)");
            return null;
        }

        var scaled = value * scale;
        if (scaled != decimal.Truncate(scaled))
        {
            fail($"has more than {decimals} decimal place{(decimals == 1 ? string.Empty : "s")}");
            return null;
        }

        return (long)scaled;
    }

    /// <summary>HHMM (leading zeros optional, 2400 allowed) in tenths of a second from midnight; minutes ≥ 60 carry.</summary>
    private static long? ParseClock(string token, int line, string what, Action<int, string> error)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm) || hhmm > 2400)
        {
            error(line, $"{what} \"{token}\" is not a clock time HHMM between 0000 and 2400");
            return null;
        }

        var minutes = ((hhmm / 100) * 60) + (hhmm % 100);
        return (long)minutes * 60 * DurationUnitsPerSecond;
    }

    private sealed record Row(int Line, string Id, long X, long Y, long Early, long Late, long Service, long Load, int Type);
}
