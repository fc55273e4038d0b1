using System.Text.Json.Nodes;
using CitySort.Policy;

namespace CitySort.Tests.Policy;

public sealed class ProfileValidationTests
{
    private static ProfileError SingleErrorAt(ProfileLoadResult result, string path)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Profile);
        var matches = result.Errors.Where(e => e.JsonPath == path).ToArray();
        Assert.True(matches.Length == 1, $"expected one error at {path}, got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
        Assert.Equal(TestProfiles.SourceName, matches[0].Source);
        return matches[0];
    }

    [Fact]
    public void Malformed_json_is_reported_with_line_and_column_of_the_fault()
    {
        const string text = "{\n  \"format\": \"citysort-profile/1\",\n  \"id\": \"x\"\n  \"version\": \"1\"\n}\n";

        var result = TestProfiles.LoadText(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.JsonPath);
        Assert.Equal(4, error.Line); // the missing comma shows where "version" starts on line 4
        Assert.Equal(3, error.Column); // two spaces of indent, then the quote
        Assert.StartsWith("the file is not valid JSON: ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_columns_count_characters_not_bytes()
    {
        // { " t i t l e " : ␣ " 温 州 " , ␣ x  → x is character 17 (温 and 州 are 3 bytes each in UTF-8)
        var result = TestProfiles.LoadText("{\"title\": \"温州\", x}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal(17, error.Column);
    }

    [Fact]
    public void A_file_saved_in_gbk_is_refused_at_the_first_byte_that_is_not_utf8()
    {
        // "{\n  \"id\": \"" then 温 in GBK (0xCE 0xC2): the bad byte is on line 2 after 9 characters.
        byte[] bytes = [.. System.Text.Encoding.ASCII.GetBytes("{\n  \"id\": \""), 0xCE, 0xC2, .. System.Text.Encoding.ASCII.GetBytes("\"\n}\n")];

        var result = ProfileLoader.Load(new MemoryStream(bytes), TestProfiles.SourceName);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("$", 2, 10), (error.JsonPath, error.Line, error.Column));
        Assert.StartsWith("the file is not UTF-8 text (byte 0xCE cannot be read)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_reported_at_its_path_with_the_fields_allowed()
    {
        var result = TestProfiles.Load(p => p["colour"] = "blue");

        var error = SingleErrorAt(result, "$.colour");
        Assert.StartsWith("unknown field 'colour'; the fields allowed here are: format, id, version", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_gets_a_suggestion()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "siteTypes[0].bins[0]")["minCont"] = 1);

        var error = SingleErrorAt(result, "$.siteTypes[0].bins[0].minCont");
        Assert.StartsWith("unknown field 'minCont' (did you mean 'minCount'?)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_is_reported_at_the_object_that_lacks_it()
    {
        var result = TestProfiles.Load(p => p.Remove("version"));

        var error = SingleErrorAt(result, "$");
        Assert.Equal("the required field 'version' is missing", error.Reason);
    }

    [Fact]
    public void A_missing_count_in_a_split_is_reported_at_the_split()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "targets[3].splits[0]").AsObject().Remove("count"));

        var error = SingleErrorAt(result, "$.targets[3].splits[0]");
        Assert.Equal("the required field 'count' is missing", error.Reason);
    }

    [Fact]
    public void An_unknown_category_in_a_bin_rule_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "siteTypes[0].bins[0]")["category"] = "Glass");

        var error = SingleErrorAt(result, "$.siteTypes[0].bins[0].category");
        Assert.Equal("unknown category 'Glass'; expected one of: Recyclable, Hazardous, Other, Kitchen", error.Reason);
    }

    [Fact]
    public void A_category_the_profile_does_not_declare_is_unknown_in_a_rule()
    {
        // Drop Kitchen (categories[3]); the residential pilot rule (bins[5]) still names it.
        var result = TestProfiles.Load(p => p["categories"]!.AsArray().RemoveAt(3));

        var error = SingleErrorAt(result, "$.siteTypes[0].bins[5].category");
        Assert.Equal("unknown category 'Kitchen': the profile's categories list does not define it", error.Reason);
    }

    [Theory]
    [InlineData("targets[0]", "minShare", 1.5)]
    [InlineData("targets[2]", "minShare", -0.45)]
    [InlineData("targets[7]", "reductionShare", 3)]
    [InlineData("assessment[0]", "feeShare", 1.01)]
    public void A_share_outside_zero_to_one_is_reported(string owner, string field, double value)
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, owner)[field] = value);

        var error = SingleErrorAt(result, $"$.{owner}.{field}");
        Assert.StartsWith($"'{field}' is a share and must be from 0 to 1 (0.5 means 50 %), but is ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_essentially_all_threshold_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "settings.essentiallyAllThreshold")["value"] = -0.1);

        var error = SingleErrorAt(result, "$.settings.essentiallyAllThreshold.value");
        Assert.Equal("'essentiallyAllThreshold' is a share and must be from 0 to 1 (0.95 means 95 %), but is the number -0.1", error.Reason);
    }

    [Fact]
    public void A_share_fraction_above_one_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "money[0].share")["numerator"] = 4);

        var error = SingleErrorAt(result, "$.money[0].share");
        Assert.Equal("'share' is a share and must be from 0 to 1, but is 4/3", error.Reason);
    }

    [Theory]
    [InlineData("siteTypes[0].bins[0]", "minCount")]
    [InlineData("people.supervisors", "minPerStreet")]
    [InlineData("targets[3].splits[1]", "count")]
    public void A_negative_count_is_reported(string owner, string field)
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, owner)[field] = -2);

        var error = SingleErrorAt(result, $"$.{owner}.{field}");
        Assert.Equal($"'{field}' is a count and must not be negative, but is -2", error.Reason);
    }

    [Fact]
    public void A_negative_wage_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "minimumWage[0].tiers[0]")["monthlyYuan"] = -1860);

        var error = SingleErrorAt(result, "$.minimumWage[0].tiers[0].monthlyYuan");
        Assert.Equal("'monthlyYuan' must not be negative, but is -1860", error.Reason);
    }

    [Fact]
    public void A_whole_number_field_given_text_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "siteTypes[0].bins[0]")["minCount"] = "one");

        var error = SingleErrorAt(result, "$.siteTypes[0].bins[0].minCount");
        Assert.Equal("'minCount' must be a whole number, but is the text \"one\"", error.Reason);
    }

    [Fact]
    public void Overlapping_stages_are_reported_at_the_later_stage()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "stages[1].period")["from"] = "2015-08-01");

        var error = SingleErrorAt(result, "$.stages[1].period");
        Assert.Equal(
            "stage W96-S2 (2015-08-01 to 2016-10-31) overlaps stage W96-S1 (open start to 2015-08-31); stages follow one another",
            error.Reason);
    }

    [Fact]
    public void Overlapping_minimum_wage_schedules_are_reported()
    {
        var result = TestProfiles.Load(p =>
        {
            var schedules = p["minimumWage"]!.AsArray();
            var copy = schedules[0]!.DeepClone();
            copy["period"] = new JsonObject { ["from"] = "2016-01-01" };
            schedules.Add(copy);
        });

        var error = SingleErrorAt(result, "$.minimumWage[1].period");
        Assert.StartsWith("this minimum-wage schedule (2016-01-01 to open end) overlaps the one of W58-1 (2015-11-01 to open end)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inverted_period_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "stages[2]")["period"] = new JsonObject { ["from"] = "2016-12-31", ["to"] = "2016-11-01" });

        var error = SingleErrorAt(result, "$.stages[2].period");
        Assert.Equal("the period ends on 2016-11-01, before it starts on 2016-12-31", error.Reason);
    }

    [Fact]
    public void A_profile_that_ends_before_it_starts_is_reported()
    {
        var result = TestProfiles.Load(p => p["validTo"] = "2015-01-01");

        var error = SingleErrorAt(result, "$.validTo");
        Assert.Equal("the profile stops applying on 2015-01-01, before it starts on 2015-10-15", error.Reason);
    }

    [Fact]
    public void A_duplicate_target_id_is_reported_with_the_first_definition()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "targets[4]")["id"] = "W96-T2");

        var error = SingleErrorAt(result, "$.targets[4].id");
        Assert.Equal("duplicate target id 'W96-T2': it is already defined at $.targets[3].id", error.Reason);
    }

    [Fact]
    public void A_duplicate_category_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "categories[1]")["id"] = "Recyclable");

        var error = SingleErrorAt(result, "$.categories[1].id");
        Assert.Equal("duplicate category 'Recyclable': it is already defined at $.categories[0].id", error.Reason);
    }

    [Fact]
    public void A_field_written_twice_in_one_object_is_reported()
    {
        var text = ProfileLoader.ReadEmbeddedText().Replace("\"id\": \"wenzhou-2015\",", "\"id\": \"wenzhou-2015\", \"id\": \"again\",", StringComparison.Ordinal);

        var result = TestProfiles.LoadText(text);

        var error = SingleErrorAt(result, "$.id");
        Assert.Equal("the field 'id' appears twice in the same object; keep one", error.Reason);
    }

    [Fact]
    public void A_wage_tier_naming_an_unknown_area_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "minimumWage[0].tiers[0].areas")[0] = "zhenan-cluster");

        var error = SingleErrorAt(result, "$.minimumWage[0].tiers[0].areas[0]");
        Assert.Equal("the wage tier names area 'zhenan-cluster', which divisions.areas does not define", error.Reason);
    }

    [Fact]
    public void A_wage_tier_naming_an_unknown_street_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "minimumWage[0].tiers[0].streets")[0] = "330305099");

        var error = SingleErrorAt(result, "$.minimumWage[0].tiers[0].streets[0]");
        Assert.Equal("the wage tier names street '330305099', which neither divisions.streets nor any area's streets list", error.Reason);
    }

    [Fact]
    public void A_wage_tier_naming_an_unknown_district_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "minimumWage[0].tiers[2].districts")[0] = "330399");

        var error = SingleErrorAt(result, "$.minimumWage[0].tiers[2].districts[0]");
        Assert.Equal("the wage tier names district '330399', which divisions.districts does not list", error.Reason);
    }

    [Fact]
    public void A_district_in_two_wage_tiers_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "minimumWage[0].tiers[1].districts").AsArray().Add("330302"));

        var error = SingleErrorAt(result, "$.minimumWage[0].tiers[1].districts[3]");
        Assert.StartsWith("duplicate district in the tiers of one schedule (a district belongs to one tier) '330302'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_naming_an_unknown_district_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "targets[3].splits[0]")["district"] = "330399");

        var error = SingleErrorAt(result, "$.targets[3].splits[0].district");
        Assert.Equal("the target names district '330399', which divisions.districts does not list", error.Reason);
    }

    [Fact]
    public void A_target_naming_an_unknown_area_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "targets[4].splits[3]")["area"] = "old-zone");

        var error = SingleErrorAt(result, "$.targets[4].splits[3].area");
        Assert.Equal("the target names area 'old-zone', which divisions.areas does not define", error.Reason);
    }

    [Fact]
    public void Vehicle_splits_that_do_not_add_up_to_the_total_are_reported()
    {
        // W96-T2: 6 + 4 + 4 + 2 = 16; with the development zone at 1 the parts give 15.
        var result = TestProfiles.Load(p => TestProfiles.At(p, "targets[3].splits[3]")["count"] = 1);

        var error = SingleErrorAt(result, "$.targets[3].splits");
        Assert.Equal("the parts add up to 15 (6 + 4 + 4 + 1) but the total is 16", error.Reason);
    }

    [Fact]
    public void Line_splits_that_do_not_add_up_to_the_total_are_reported()
    {
        // W96-T3: 3 + 2 + 2 + 1 = 8; with Lucheng at 2 the parts give 7.
        var result = TestProfiles.Load(p => TestProfiles.At(p, "targets[4].splits[0]")["count"] = 2);

        var error = SingleErrorAt(result, "$.targets[4].splits");
        Assert.Equal("the parts add up to 7 (2 + 2 + 2 + 1) but the total is 8", error.Reason);
    }

    [Fact]
    public void A_field_that_does_not_fit_the_target_kind_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "targets[0]")["total"] = 5);

        var error = SingleErrorAt(result, "$.targets[0].total");
        Assert.Equal("'total' does not apply to a target of kind coverage", error.Reason);
    }

    [Fact]
    public void A_share_target_without_its_share_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "targets[0]").AsObject().Remove("minShare"));

        var error = SingleErrorAt(result, "$.targets[0]");
        Assert.Equal("a coverage target needs 'minShare' (a share from 0 to 1) or 'essentiallyAll': true", error.Reason);
    }

    [Fact]
    public void Another_format_is_refused_at_the_format_field()
    {
        var result = TestProfiles.Load(p => p["format"] = "citysort-profile/2");

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.format", error.JsonPath);
        Assert.Equal("this file is in the format 'citysort-profile/2'; CitySort reads 'citysort-profile/1'", error.Reason);
    }

    [Fact]
    public void A_clause_of_an_undeclared_source_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "categories[0]")["clause"] = "W97-C1");

        var error = SingleErrorAt(result, "$.categories[0].clause");
        Assert.Equal("clause 'W97-C1' belongs to source 'W97', which the profile's sources do not declare (declared: W96, W58, HOL)", error.Reason);
    }

    [Fact]
    public void A_missing_site_type_is_reported()
    {
        var result = TestProfiles.Load(p => p["siteTypes"]!.AsArray().RemoveAt(3));

        var error = SingleErrorAt(result, "$.siteTypes");
        Assert.Equal("there is no entry for site type PublicPlace; every site type needs one, even with an empty bins list", error.Reason);
    }

    [Fact]
    public void A_bin_rule_with_both_category_and_stream_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "siteTypes[1].bins[0]")["stream"] = "Catering");

        var error = SingleErrorAt(result, "$.siteTypes[1].bins[0]");
        Assert.Equal("a bin rule names exactly one of 'category' (a household-waste category) or 'stream' (a special stream)", error.Reason);
    }

    [Fact]
    public void A_working_weekend_day_that_is_not_a_weekend_day_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "settings.workingDays.value.workingWeekendDays")[0] = "2015-10-12");

        var error = SingleErrorAt(result, "$.settings.workingDays.value.workingWeekendDays[0]");
        Assert.Equal("2015-10-12 is a Monday, not a weekend day; list here only weekend days that are worked", error.Reason);
    }

    [Fact]
    public void A_badly_written_date_is_reported()
    {
        var result = TestProfiles.Load(p => TestProfiles.At(p, "targets[0]")["due"] = "31.12.2015");

        var error = SingleErrorAt(result, "$.targets[0].due");
        Assert.Equal("'due' must be a date written YYYY-MM-DD (e.g. \"2015-12-31\"), but is the text \"31.12.2015\"", error.Reason);
    }

    [Fact]
    public void All_errors_are_collected_in_document_order_rather_than_stopping_at_the_first()
    {
        var result = TestProfiles.Load(p =>
        {
            p["version"] = 3;
            TestProfiles.At(p, "siteTypes[0].bins[0]")["category"] = "Glass";
            TestProfiles.At(p, "minimumWage[0].tiers[0].areas")[0] = "nowhere";
        });

        Assert.Equal(
            ["$.version", "$.siteTypes[0].bins[0].category", "$.minimumWage[0].tiers[0].areas[0]"],
            result.Errors.Select(e => e.JsonPath));
    }

    [Fact]
    public void An_error_points_at_the_line_and_column_of_its_field()
    {
        var text = TestProfiles.Text(p => TestProfiles.At(p, "siteTypes[0].bins[0]")["category"] = "Glass");
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("\"Glass\"", StringComparison.Ordinal));

        var error = TestProfiles.LoadText(text).Errors.Single();

        Assert.Equal(line + 1, error.Line);
        Assert.Equal(lines[line].IndexOf("\"category\"", StringComparison.Ordinal) + 1, error.Column);
    }

    [Fact]
    public void A_missing_file_is_one_error_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "citysort-no-such-profile-" + Guid.NewGuid().ToString("N") + ".json");

        var result = ProfileLoader.LoadFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Source);
        Assert.Equal("the file does not exist", error.Reason);
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_and_crlf_line_ends_loads()
    {
        var path = Path.Combine(Path.GetTempPath(), "citysort-profile-" + Guid.NewGuid().ToString("N") + ".json");
        var text = ProfileLoader.ReadEmbeddedText().Replace("\n", "\r\n", StringComparison.Ordinal);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var result = ProfileLoader.LoadFile(path);

            Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
