using CitySort.Registry;

namespace CitySort.Imports;

/// <summary>Reads one row of the sites CSV into a <see cref="Site"/> (docs/formats.md, "Sites CSV").</summary>
internal static class SitesCsvReader
{
    /// <summary>Parses the row; every field problem goes to <paramref name="problems"/>.</summary>
    /// <returns>The site (WGS-84 point), or <c>null</c> when a field could not be parsed.</returns>
    public static Site? Read(CsvTable table, CsvRow row, string fileName, List<ImportProblem> problems)
    {
        var before = problems.Count;
        string Text(string column) => table.Get(row, column);
        string? Optional(string column) => Text(column) is { Length: > 0 } value ? value : null;

        if (!SiteFieldParsers.TryParseSiteType(Text("type"), out var type, out var reason))
        {
            problems.Add(table.Problem(row, "type", reason));
        }

        if (!SiteFieldParsers.TryParseDegrees(Text("longitude"), -180, 180, "longitude", out var longitude, out reason))
        {
            problems.Add(table.Problem(row, "longitude", reason));
        }

        if (!SiteFieldParsers.TryParseDegrees(Text("latitude"), -90, 90, "latitude", out var latitude, out reason))
        {
            if (latitude is (< -90 or > 90) and >= -180 and <= 180 && longitude is >= -90 and <= 90)
            {
                // A latitude that is a valid longitude beside a longitude that is a valid latitude: the columns were swapped.
                reason = new Why(reason.Zh + "：经纬度似乎填反了，经度在前（温州约 120.7），纬度在后（约 28.0）",
                    reason.En + ": longitude and latitude look swapped; longitude comes first (about 120.7 in Wenzhou), latitude second (about 28.0)");
            }

            problems.Add(table.Problem(row, "latitude", reason));
        }

        if (!SiteFieldParsers.TryParseDatum(Text("datum"), out var datum, out reason))
        {
            problems.Add(table.Problem(row, "datum", reason));
        }

        if (!SiteFieldParsers.TryParseCount(Text("floors"), optional: false, out var floors, out reason))
        {
            problems.Add(table.Problem(row, "floors", reason));
        }

        int? households = null;
        int? staff = null;
        if (table.Has("households") && !SiteFieldParsers.TryParseCount(Text("households"), optional: true, out households, out reason))
        {
            problems.Add(table.Problem(row, "households", reason));
        }

        if (table.Has("staff") && !SiteFieldParsers.TryParseCount(Text("staff"), optional: true, out staff, out reason))
        {
            problems.Add(table.Problem(row, "staff", reason));
        }

        bool Flag(string column)
        {
            if (!SiteFieldParsers.TryParseFlag(Text(column), out var flag, out var why))
            {
                problems.Add(table.Problem(row, column, why));
            }

            return flag;
        }

        var propertyManagement = Flag("property_management");
        var canteen = Flag("canteen");
        var pilot = Flag("wet_dry_pilot");
        var baggedZone = Flag("bagged_zone");
        var kitchenHeavy = Flag("kitchen_waste_heavy");
        var collectedSorted = Flag("collected_sorted");

        if (!SiteFieldParsers.TryParseBins(Text("bins"), out var bins, out reason))
        {
            problems.Add(table.Problem(row, "bins", reason));
        }

        if (problems.Count > before)
        {
            return null;
        }

        var (lon, lat) = datum == CoordinateDatum.Gcj02 ? Gcj02Converter.ToWgs84(longitude, latitude) : (longitude, latitude);
        var code = Text("code");
        foreach (var bin in bins)
        {
            bin.SiteCode = code;
        }

        return new Site
        {
            Code = code,
            Name = Text("name"),
            Type = type,
            DistrictCode = Text("district_code"),
            StreetCode = Optional("street_code"),
            CommunityCode = Optional("community_code"),
            Address = Text("address"),
            Longitude = Math.Round(lon, 7),
            Latitude = Math.Round(lat, 7),
            SourceDatum = datum,
            Households = households,
            Staff = staff,
            Floors = floors ?? 0,
            HasPropertyManagement = propertyManagement,
            HasCanteen = canteen,
            IsWetDryPilot = pilot,
            IsBaggedZone = baggedZone,
            IsKitchenWasteHeavy = kitchenHeavy,
            CollectedSorted = collectedSorted,
            Source = fileName,
            Bins = bins,
        };
    }
}
