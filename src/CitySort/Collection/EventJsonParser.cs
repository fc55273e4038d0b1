using System.Globalization;
using System.Text.Json;
using CitySort.Imports;
using CitySort.Registry;

namespace CitySort.Collection;

/// <summary>
/// Reads one event payload (docs/events.md) into its record with System.Text.Json: every problem names its JSON path
/// and says what is wrong in English and Chinese. Points in GCJ-02 are converted to WGS-84 with
/// <see cref="Gcj02Converter"/> and the datum recorded; times follow <see cref="EventTimes"/>. Pure: no clock, no
/// registry (those checks are <see cref="EventValidator"/>'s).
/// </summary>
public static class EventJsonParser
{
    /// <summary>The longest event id, in characters.</summary>
    public const int MaxEventIdLength = 64;

    private const int MaxCodeLength = 64;
    private const int MaxInspectorLength = 100;
    private const int MaxNoteLength = 2000;
    private const int MaxPhotoReferenceLength = 500;
    private static readonly decimal MaxKg = 1_000_000m;

    /// <summary>The name of a kind in payloads and the HTTP envelope: <c>pickup</c>, <c>gps</c>, <c>ticket</c>, <c>finding</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its wire name.</returns>
    public static string WireName(EventKind kind) => kind switch
    {
        EventKind.Pickup => "pickup",
        EventKind.GpsFix => "gps",
        EventKind.WeighTicket => "ticket",
        EventKind.InspectionFinding => "finding",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind of a wire name, or null when it names none.</summary>
    /// <param name="name">A wire name such as <c>gps</c>.</param>
    public static EventKind? KindOf(string? name) => name switch
    {
        "pickup" => EventKind.Pickup,
        "gps" => EventKind.GpsFix,
        "ticket" => EventKind.WeighTicket,
        "finding" => EventKind.InspectionFinding,
        _ => null,
    };

    /// <summary>Parses one incoming event sent by <paramref name="device"/>.</summary>
    /// <param name="incoming">The raw event.</param>
    /// <param name="device">The sending device (its id, its zone for times without offset, whether it is a demo device).</param>
    /// <returns>The event, or the first problem found.</returns>
    public static EventParseResult Parse(IncomingEvent incoming, DeviceIdentity device)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(device);
        if (incoming.Utf8Json.Length > IEventIntake.MaxPayloadBytes)
        {
            return Fail(null, incoming.Kind, new EventProblem(
                ReasonCodes.TooLarge,
                $"$: the payload is {incoming.Utf8Json.Length} bytes; at most {IEventIntake.MaxPayloadBytes} are taken",
                $"$：报文 {incoming.Utf8Json.Length} 字节，超过上限 {IEventIntake.MaxPayloadBytes} 字节"));
        }

        // System.Text.Json checks the structure but leaves the bytes inside strings to be decoded when read, where a
        // byte that is not UTF-8 would throw; so the whole payload is checked first and refused as malformed.
        if (Utf8Text.FirstInvalidByte(incoming.Utf8Json.Span) is { } bad)
        {
            return Fail(null, incoming.Kind, new EventProblem(
                ReasonCodes.Malformed,
                $"$: the payload is not UTF-8 text (byte {bad + 1}, 0x{incoming.Utf8Json.Span[bad]:X2}, cannot be read)",
                $"$：报文不是 UTF-8 文本（第 {bad + 1} 字节 0x{incoming.Utf8Json.Span[bad]:X2} 无法读取）"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(incoming.Utf8Json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
            return Fail(null, incoming.Kind, new EventProblem(
                ReasonCodes.Malformed,
                "$: the payload is not valid JSON" + where,
                "$：报文不是有效的 JSON" + where.Replace("line", "行", StringComparison.Ordinal).Replace("byte", "字节", StringComparison.Ordinal)));
        }

        if (JsonStringCheck.FirstUnreadableString(incoming.Utf8Json.Span, new JsonReaderOptions { MaxDepth = 16 }) is { } unreadable)
        {
            document.Dispose();
            return Fail(null, incoming.Kind, new EventProblem(
                ReasonCodes.Malformed,
                $"$: the string at byte {unreadable + 1} holds an escape that is no character (a lone surrogate such as \\ud800)",
                $"$：第 {unreadable + 1} 字节处的字符串含有不成字符的转义（如单独的代理项 \\ud800）"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(null, incoming.Kind, EventProblem.At(ReasonCodes.Malformed, "$", "the payload must be a JSON object", "报文必须是 JSON 对象"));
            }

            var reader = new Reader(root, device);
            var kind = incoming.Kind;
            if (kind is null)
            {
                var name = reader.OptionalString("kind", 16);
                kind = KindOf(name);
                if (reader.Problem is null && kind is null)
                {
                    reader.Problem = name is null
                        ? EventProblem.At(ReasonCodes.UnknownKind, "$.kind", "the event kind is missing; expected pickup, gps, ticket or finding", "缺少事件类型；应为 pickup、gps、ticket 或 finding")
                        : EventProblem.At(ReasonCodes.UnknownKind, "$.kind", $"unknown event kind '{name}'; expected pickup, gps, ticket or finding", $"未知的事件类型“{name}”；应为 pickup、gps、ticket 或 finding");
                }
            }

            if (reader.Problem is not null)
            {
                return Fail(reader.PeekEventId(), kind, reader.Problem);
            }

            if (!EventTimes.TryFindZone(device.TimeZoneId, out var zone))
            {
                return Fail(reader.PeekEventId(), kind, EventProblem.At(
                    ReasonCodes.Malformed, "$", $"the device's time zone '{device.TimeZoneId}' is not a known IANA zone", $"设备时区“{device.TimeZoneId}”不是已知的 IANA 时区"));
            }

            reader.Zone = zone;
            CollectionEvent? parsed = kind switch
            {
                EventKind.Pickup => reader.Pickup(),
                EventKind.GpsFix => reader.Gps(),
                EventKind.WeighTicket => reader.Ticket(),
                EventKind.InspectionFinding => reader.Finding(),
                _ => null,
            };
            return reader.Problem is { } problem
                ? Fail(reader.EventId ?? reader.PeekEventId(), kind, problem)
                : new EventParseResult(parsed!.EventId, kind, parsed, null);
        }
    }

    private static EventParseResult Fail(string? eventId, EventKind? kind, EventProblem problem) => new(eventId, kind, null, problem);

    private sealed class Reader(JsonElement root, DeviceIdentity device)
    {
        public EventProblem? Problem { get; set; }

        public string? EventId { get; private set; }

        public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

        public string? PeekEventId()
        {
            foreach (var name in new[] { "eventId", "ticketId" })
            {
                if (root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 and <= MaxEventIdLength } s)
                {
                    return s;
                }
            }

            return null;
        }

        public PickupEvent? Pickup()
        {
            var id = ReadEventId("eventId");
            var time = RequiredTime(root, "$", "deviceTime");
            var plate = RequiredString("vehiclePlate", MaxCodeLength);
            var site = RequiredString("siteCode", MaxCodeLength);
            var bin = OptionalIdText("binId");
            var (category, stream) = CategoryOrStream("category", "stream");
            var kg = RequiredKg("estimatedKg");
            var point = Point("point", required: false);
            return Problem is null
                ? new PickupEvent(id!, device.DeviceId, time, device.IsDemo, plate!, site!, bin, category, stream, kg, point)
                : null;
        }

        public GpsFixEvent? Gps()
        {
            var id = ReadEventId("eventId");
            var time = RequiredTime(root, "$", "deviceTime");
            var plate = RequiredString("vehiclePlate", MaxCodeLength);
            var point = Point("point", required: true);
            var speed = OptionalNumber("speedKmh", 0, 400, maxExclusive: false);
            var heading = OptionalNumber("headingDegrees", 0, 360, maxExclusive: true);
            return Problem is null
                ? new GpsFixEvent(id!, device.DeviceId, time, device.IsDemo, plate!, point!.Value, speed, heading)
                : null;
        }

        public WeighTicketEvent? Ticket()
        {
            var id = ReadEventId("ticketId");
            if (Problem is null && root.TryGetProperty("eventId", out var other) && other.ValueKind != JsonValueKind.Null
                && (other.ValueKind != JsonValueKind.String || !string.Equals(other.GetString(), id, StringComparison.Ordinal)))
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, "$.eventId", "a ticket's eventId, when given, must equal its ticketId", "过磅单的 eventId 如填写，必须与 ticketId 相同");
            }

            var facility = RequiredString("facilityCode", MaxCodeLength);
            var plate = RequiredString("vehiclePlate", MaxCodeLength);
            var timeIn = RequiredTime(root, "$", "timeIn");
            var timeOut = RequiredTime(root, "$", "timeOut");
            var gross = RequiredKg("grossKg");
            var tare = RequiredKg("tareKg");
            var net = RequiredKg("netKg");
            var (category, stream) = CategoryOrStream("declaredCategory", "declaredStream");
            return Problem is null
                ? new WeighTicketEvent(id!, device.DeviceId, timeOut, device.IsDemo, facility!, plate!, timeIn, timeOut, gross, tare, net, category, stream)
                : null;
        }

        public InspectionFindingEvent? Finding()
        {
            var id = ReadEventId("eventId");
            var time = RequiredTime(root, "$", "deviceTime");
            var site = RequiredString("siteCode", MaxCodeLength);
            var inspector = RequiredString("inspector", MaxInspectorLength);
            var clause = RequiredString("clauseId", MaxCodeLength);
            var note = OptionalString("note", MaxNoteLength);
            var photo = OptionalString("photoReference", MaxPhotoReferenceLength);
            return Problem is null
                ? new InspectionFindingEvent(id!, device.DeviceId, time, device.IsDemo, site!, inspector!, clause!, note, photo)
                : null;
        }

        public string? OptionalString(string name, int maxLength)
        {
            if (Problem is not null || !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, "$." + name, $"must be a string, not {Describe(value)}", $"应为字符串，而不是{DescribeZh(value)}");
                return null;
            }

            var text = value.GetString()!.Trim();
            if (text.Length > maxLength)
            {
                Problem = EventProblem.At(ReasonCodes.InvalidValue, "$." + name, $"is {text.Length} characters long; at most {maxLength} are taken", $"长度 {text.Length} 个字符，超过上限 {maxLength}");
                return null;
            }

            return text.Length == 0 ? null : text;
        }

        private string? ReadEventId(string name)
        {
            EventId = RequiredString(name, MaxEventIdLength);
            return EventId;
        }

        private string? RequiredString(string name, int maxLength)
        {
            if (Problem is not null)
            {
                return null;
            }

            var text = OptionalString(name, maxLength);
            if (Problem is null && text is null)
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, "$." + name, "is missing or empty", "缺失或为空");
            }

            return text;
        }

        private string? OptionalIdText(string name)
        {
            if (Problem is not null || !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
            {
                return number.ToString(CultureInfo.InvariantCulture);
            }

            return OptionalString(name, MaxCodeLength);
        }

        private DateTimeOffset RequiredTime(JsonElement parent, string parentPath, string name)
        {
            if (Problem is not null)
            {
                return default;
            }

            var path = parentPath + "." + name;
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, path, "is missing; expected a time such as 2015-12-01T07:30:00+08:00", "缺失；应为时间，例如 2015-12-01T07:30:00+08:00");
                return default;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, path, $"must be a string holding an ISO 8601 time, not {Describe(value)}", $"应为 ISO 8601 时间字符串，而不是{DescribeZh(value)}");
                return default;
            }

            if (!EventTimes.TryRead(value.GetString()!, Zone, out var time, out var error))
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, path, error!.Value.En, error.Value.Zh);
                return default;
            }

            return time;
        }

        private decimal RequiredKg(string name)
        {
            if (Problem is not null)
            {
                return 0;
            }

            var path = "$." + name;
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, path, "is missing; expected a mass in kilograms", "缺失；应为以千克计的质量");
                return 0;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var kg))
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, path, $"must be a number of kilograms, not {Describe(value)}", $"应为千克数，而不是{DescribeZh(value)}");
                return 0;
            }

            if (kg < 0 || kg > MaxKg)
            {
                Problem = EventProblem.At(ReasonCodes.InvalidValue, path, $"{kg.ToString(CultureInfo.InvariantCulture)} kg is out of range; expected 0 to {MaxKg:0} kg", $"{kg.ToString(CultureInfo.InvariantCulture)} 千克超出范围（0 至 {MaxKg:0} 千克）");
                return 0;
            }

            return Math.Round(kg, 3, MidpointRounding.AwayFromZero);
        }

        private double? OptionalNumber(string name, double min, double max, bool maxExclusive)
        {
            if (Problem is not null || !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var path = "$." + name;
            if (value.ValueKind != JsonValueKind.Number)
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, path, $"must be a number, not {Describe(value)}", $"应为数字，而不是{DescribeZh(value)}");
                return null;
            }

            var number = value.GetDouble();
            if (double.IsNaN(number) || number < min || (maxExclusive ? number >= max : number > max))
            {
                var range = maxExclusive ? $"{min} ≤ value < {max}" : $"{min} to {max}";
                Problem = EventProblem.At(ReasonCodes.InvalidValue, path, $"{number.ToString(CultureInfo.InvariantCulture)} is out of range; expected {range}", $"{number.ToString(CultureInfo.InvariantCulture)} 超出范围（{range}）");
                return null;
            }

            return number;
        }

        private (WasteCategory?, SpecialStream?) CategoryOrStream(string categoryName, string streamName)
        {
            var categoryText = OptionalString(categoryName, 64);
            var streamText = OptionalString(streamName, 64);
            if (Problem is not null)
            {
                return (null, null);
            }

            if ((categoryText is null) == (streamText is null))
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, "$", $"give exactly one of {categoryName} (Recyclable, Hazardous, Other, Kitchen) and {streamName} (Catering, Bulky, ConstructionAndRenovation)",
                    $"{categoryName}（Recyclable、Hazardous、Other、Kitchen）与 {streamName}（Catering、Bulky、ConstructionAndRenovation）须且只能填写一个");
                return (null, null);
            }

            if (categoryText is not null)
            {
                if (TryEnum<WasteCategory>(categoryText, out var category))
                {
                    return (category, null);
                }

                Problem = EventProblem.At(ReasonCodes.Malformed, "$." + categoryName, $"unknown category '{categoryText}'; expected Recyclable, Hazardous, Other or Kitchen", $"未知的类别“{categoryText}”；应为 Recyclable、Hazardous、Other 或 Kitchen");
                return (null, null);
            }

            if (TryEnum<SpecialStream>(streamText!, out var stream))
            {
                return (null, stream);
            }

            Problem = EventProblem.At(ReasonCodes.Malformed, "$." + streamName, $"unknown special stream '{streamText}'; expected Catering, Bulky or ConstructionAndRenovation", $"未知的专项类别“{streamText}”；应为 Catering、Bulky 或 ConstructionAndRenovation");
            return (null, null);
        }

        private EventPoint? Point(string name, bool required)
        {
            if (Problem is not null)
            {
                return null;
            }

            var path = "$." + name;
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Problem = EventProblem.At(ReasonCodes.Malformed, path, "is missing; expected {longitude, latitude, datum}", "缺失；应为 {longitude, latitude, datum}");
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, path, $"must be an object {{longitude, latitude, datum}}, not {Describe(value)}", $"应为对象 {{longitude, latitude, datum}}，而不是{DescribeZh(value)}");
                return null;
            }

            var longitude = Coordinate(value, path + ".longitude", 180);
            var latitude = Coordinate(value, path + ".latitude", 90);
            if (Problem is not null)
            {
                return null;
            }

            var datumPath = path + ".datum";
            string? datumText = value.TryGetProperty("datum", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            CoordinateDatum datum;
            switch (datumText?.ToLowerInvariant())
            {
                case "wgs84":
                    datum = CoordinateDatum.Wgs84;
                    break;
                case "gcj02":
                    datum = CoordinateDatum.Gcj02;
                    break;
                default:
                    Problem = datumText is null
                        ? EventProblem.At(ReasonCodes.Malformed, datumPath, "is missing; say \"wgs84\" or \"gcj02\" (the datum is never guessed)", "缺失；应为 \"wgs84\" 或 \"gcj02\"（坐标系不作猜测）")
                        : EventProblem.At(ReasonCodes.Malformed, datumPath, $"unknown datum '{datumText}'; expected \"wgs84\" or \"gcj02\"", $"未知的坐标系“{datumText}”；应为 \"wgs84\" 或 \"gcj02\"");
                    return null;
            }

            if (datum == CoordinateDatum.Gcj02)
            {
                var (lon, lat) = Gcj02Converter.ToWgs84(longitude, latitude);
                return new EventPoint(lon, lat, datum);
            }

            return new EventPoint(longitude, latitude, datum);
        }

        private double Coordinate(JsonElement parent, string path, double limit)
        {
            if (Problem is not null)
            {
                return 0;
            }

            var name = path[(path.LastIndexOf('.') + 1)..];
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
            {
                Problem = EventProblem.At(ReasonCodes.Malformed, path, "is missing or not a number of degrees", "缺失或不是以度计的数字");
                return 0;
            }

            var degrees = value.GetDouble();
            if (!double.IsFinite(degrees) || Math.Abs(degrees) > limit)
            {
                Problem = EventProblem.At(ReasonCodes.InvalidValue, path, $"{degrees.ToString(CultureInfo.InvariantCulture)} is out of range −{limit}..{limit}", $"{degrees.ToString(CultureInfo.InvariantCulture)} 超出范围 −{limit}..{limit}");
                return 0;
            }

            return degrees;
        }

        private static bool TryEnum<T>(string text, out T value)
            where T : struct, Enum =>
            Enum.TryParse(text, ignoreCase: true, out value) && !char.IsDigit(text[0]) && text[0] != '-' && Enum.IsDefined(value);

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            _ => "null",
        };

        private static string DescribeZh(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => "字符串",
            JsonValueKind.Number => "数字",
            JsonValueKind.Object => "对象",
            JsonValueKind.Array => "数组",
            JsonValueKind.True or JsonValueKind.False => "布尔值",
            _ => "null",
        };
    }
}
