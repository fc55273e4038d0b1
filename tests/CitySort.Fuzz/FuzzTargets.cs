using System.Text;
using System.Text.RegularExpressions;
using CitySort.Collection;
using CitySort.Imports;
using CitySort.Policy;
using CitySort.Routing;
using CitySort.Routing.Formats;

namespace CitySort.Fuzz;

/// <summary>
/// Every parser of outside input (docs/security.md, "Fuzzing"), each with the call that runs one input through its real
/// entry point and says what came of it. A result or the parser's own documented problems is a verdict; anything the
/// parser throws is left to escape, and the runner counts it as a crash.
/// </summary>
public static partial class FuzzTargets
{
    private static readonly string[] CsvTokens = ["code", "name", "district_code", "street_code", "community_code", "330302", "330302006", "330302006001", "WGS84", "GCJ02", "yes", "no", "recyclable/site/2/240", "kitchen;catering", "T-R1", "浙CA1234", "KW-PLANT", "SAN-LC", "development-zone", ",,,,,,,,,,,,,,,,", "\"\n\""];
    private static readonly string[] JsonTokens = ["\"type\"", "\"Feature\"", "\"FeatureCollection\"", "\"Polygon\"", "\"MultiPolygon\"", "\"coordinates\"", "\"properties\"", "\"adcode\"", "[120.6,28.0]", "[[[", "]]]", "\"kind\"", "\"pickup\"", "\"gps\"", "\"ticket\"", "\"finding\"", "\"point\"", "\"datum\"", "\"gcj02\"", "\"estimatedKg\"", "\"eventId\"", "\"deviceTime\"", "\"format\"", "\"rules\"", "\"areas\"", "\"id\"", "\"clauses\"", "1.0e400", "-1", "\"\\u0000\""];
    private static readonly string[] VrpTokens = ["NAME", "TYPE", "CVRP", "DIMENSION", "CAPACITY", "EDGE_WEIGHT_TYPE", "EUC_2D", "EXPLICIT", "EDGE_WEIGHT_FORMAT", "LOWER_ROW", "FULL_MATRIX", "UPPER_ROW", "NODE_COORD_SECTION", "DEMAND_SECTION", "DEPOT_SECTION", "EDGE_WEIGHT_SECTION", "SERVICE_TIME_SECTION", "TIME_WINDOW_SECTION", "EOF", " : ", "-1", "VEHICLE", "NUMBER", "CUSTOMER", "Route #", "Route #1: ", "Cost ", "@0", "\t", "// ", "2400", "0000", "9999"];

    /// <summary>The tiny CVRPLIB problem the solution files are read against (three clients, capacity 10, Euclidean).</summary>
    private const string SolutionProblem =
        "NAME : tiny\nTYPE : CVRP\nDIMENSION : 4\nEDGE_WEIGHT_TYPE : EUC_2D\nCAPACITY : 10\n" +
        "NODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\n4 0 5\nDEMAND_SECTION\n1 0\n2 4\n3 5\n4 6\nDEPOT_SECTION\n1\n-1\nEOF\n";

    private static readonly Lazy<Problem> TinyProblem = new(() => CvrplibReader.Parse(new StringReader(SolutionProblem), "tiny.vrp").GetValueOrThrow());

    private static readonly DeviceIdentity Device = new("fuzz-device", DeviceKind.Vehicle, "浙CA1234");

    /// <summary>Every target, in the order of docs/security.md's table.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("profile", "the policy profile JSON: ProfileLoader.Load", false, JsonTokens),
        new("divisions", "divisions CSV: ImportService.ImportDivisionsAsync into SQLite", true, CsvTokens),
        new("communities", "communities CSV: ImportService.ImportCommunitiesAsync into SQLite", true, CsvTokens),
        new("sites", "sites CSV: ImportService.ImportSitesAsync into SQLite", true, CsvTokens),
        new("boundaries", "district boundaries GeoJSON: ImportService.ImportBoundariesAsync into SQLite", true, JsonTokens),
        new("facilities", "facilities CSV: FleetImportService.ImportFacilitiesAsync into SQLite", true, CsvTokens),
        new("haulers", "haulers CSV: FleetImportService.ImportHaulersAsync into SQLite", true, CsvTokens),
        new("vehicles", "vehicles CSV: FleetImportService.ImportVehiclesAsync into SQLite", true, CsvTokens),
        new("lines", "dedicated lines CSV: FleetImportService.ImportLinesAsync into SQLite", true, CsvTokens),
        new("cvrplib", "CVRPLIB instance (.vrp): CvrplibReader.Parse", false, VrpTokens),
        new("solomon", "Solomon instance (.txt): SolomonReader.Parse", false, VrpTokens),
        new("solution", "solution file (.sol): SolutionFileReader.Parse against a three-client problem", false, VrpTokens),
        new("wcvrptw", "waste-collection instance (*_stop.txt): WasteCollectionReader.Parse", false, VrpTokens),
        new("events", "one event payload (HTTP batch item or MQTT message): EventJsonParser.Parse", false, JsonTokens),
        new("tickets", "weigh tickets CSV: EventFileImporter.ImportTicketsAsync through the real intake into SQLite", true, CsvTokens),
        new("pickups", "pickups CSV: EventFileImporter.ImportPickupsAsync through the real intake into SQLite", true, CsvTokens),
    ];

    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    /// <param name="name">A target's name.</param>
    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);

    /// <summary>Extra seeds a target takes from the product itself (the shipped profiles), besides its corpus folder.</summary>
    /// <param name="target">The target.</param>
    /// <returns>The seeds' bytes.</returns>
    public static IEnumerable<byte[]> BuiltInSeeds(FuzzTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Name == "profile"
            ? ProfileLoader.EmbeddedProfileIds().Select(id => Encoding.UTF8.GetBytes(ProfileLoader.ReadEmbeddedText(id)))
            : [];
    }

    /// <summary>Runs one input through the target's parser.</summary>
    /// <param name="target">The target.</param>
    /// <param name="input">The input's bytes.</param>
    /// <param name="registry">The registry database, for the import targets.</param>
    /// <param name="checkDatabase">For an import: compare the database before and after when the import refuses the input.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What the parser made of it.</returns>
    public static async Task<FuzzVerdict> RunAsync(FuzzTarget target, byte[] input, FuzzRegistry? registry, bool checkDatabase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(input);
        if (target.UsesDatabase)
        {
            ArgumentNullException.ThrowIfNull(registry);
            // A refused event file stores no event; the intake records its refused rows as rejections by design (docs/events.md).
            string[] except = target.Name is "tickets" or "pickups" ? ["collection_rejections"] : [];
            var before = checkDatabase ? await registry.FingerprintAsync(cancellationToken, except) : null;
            var report = await registry.ImportAsync(target.Name, new MemoryStream(input, writable: false), cancellationToken);
            string? partial = null;
            if (before is not null && !report.Succeeded)
            {
                var after = await registry.FingerprintAsync(cancellationToken, except);
                var changed = before.Zip(after).Where(p => p.First != p.Second).Select(p => p.First + " -> " + p.Second).ToList();
                if (before.Count != after.Count || changed.Count > 0)
                {
                    partial = "a refused import changed the database: " + string.Join("; ", changed);
                }
            }

            var first = report.Problems.FirstOrDefault();
            return new FuzzVerdict(report.Succeeded, first is null ? "ok" : Shape(first.Field + ": " + first.Reason), partial);
        }

        switch (target.Name)
        {
            case "profile":
                {
                    var result = ProfileLoader.Load(new MemoryStream(input, writable: false), "profile.json");
                    var error = result.Errors.FirstOrDefault();
                    return new FuzzVerdict(result.IsValid, error is null ? "ok" : Shape(error.JsonPath + ": " + error.Reason));
                }

            case "cvrplib":
                return Verdict(CvrplibReader.Parse(Reader(input), "fuzz.vrp"));
            case "solomon":
                return Verdict(SolomonReader.Parse(Reader(input), "fuzz.txt"));
            case "wcvrptw":
                return Verdict(WasteCollectionReader.Parse(Reader(input), "fuzz_stop.txt"));
            case "solution":
                return Verdict(SolutionFileReader.Parse(Reader(input), "fuzz.sol", TinyProblem.Value));
            case "events":
                {
                    // The HTTP door sends the kind in the payload (null here); an MQTT topic names it. The input's length picks one.
                    EventKind?[] kinds = [null, EventKind.Pickup, EventKind.GpsFix, EventKind.WeighTicket, EventKind.InspectionFinding];
                    var result = EventJsonParser.Parse(new IncomingEvent(kinds[input.Length % kinds.Length], input, "fuzz"), Device);
                    return new FuzzVerdict(result.Problem is null, result.Problem is null ? "ok" : result.Problem.Code + " " + Shape(result.Problem.Reason));
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(target), target.Name, "unknown target");
        }
    }

    private static StreamReader Reader(byte[] input) => new(new MemoryStream(input, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    private static FuzzVerdict Verdict<T>(FormatResult<T> result)
        where T : class =>
        new(result.Succeeded, result.Succeeded ? "ok" : Shape(result.Errors.FirstOrDefault()?.Reason ?? "no reason"));

    /// <summary>A problem's text without the input's own values: quoted text and numbers are taken out.</summary>
    private static string Shape(string text)
    {
        var shaped = Numbers().Replace(Quoted().Replace(text, "'…'"), "#");
        return shaped.Length > 160 ? shaped[..160] : shaped;
    }

    [GeneratedRegex("'[^']*'|\"[^\"]*\"|“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Numbers();
}
