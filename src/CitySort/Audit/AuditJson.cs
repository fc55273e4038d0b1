using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CitySort.Audit;

/// <summary>
/// Writes a record's stored fields as the JSON object of <see cref="AuditEntry.BeforeJson"/> and
/// <see cref="AuditEntry.AfterJson"/>: field name → value, enums by name, instants in ISO 8601. Secrets never enter
/// the trail: a field whose name holds <c>Secret</c>, <c>Hash</c>, <c>Salt</c>, <c>Password</c>, <c>SecurityStamp</c> or
/// <c>Token</c> (the sign-in store's stamp that signs its cookies) is written as
/// <c>"(hidden)"</c>. A text over <see cref="MaxTextLength"/> characters (a boundary's GeoJSON) is written as its
/// length and SHA-256, so the trail shows that it changed without holding it twice.
/// </summary>
public static class AuditJson
{
    /// <summary>The longest text field kept whole.</summary>
    public const int MaxTextLength = 2000;

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly string[] Hidden = ["Secret", "Hash", "Salt", "Password", "SecurityStamp", "Token"];

    /// <summary>The JSON object of <paramref name="values"/>.</summary>
    /// <param name="values">Original or current values of a tracked entry.</param>
    /// <returns>A JSON object text.</returns>
    public static string Of(PropertyValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in values.Properties)
        {
            fields[property.Name] = Field(property.Name, values[property]);
        }

        return JsonSerializer.Serialize(fields, Options);
    }

    /// <summary>The JSON of any value (an explicit record's before or after, such as a user's roles).</summary>
    /// <param name="value">The value, or null.</param>
    /// <returns>JSON text, or null for null.</returns>
    public static string? Of(object? value) => value is null ? null : JsonSerializer.Serialize(value, Options);

    private static object? Field(string name, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Hidden.Any(h => name.Contains(h, StringComparison.OrdinalIgnoreCase)))
        {
            return "(hidden)";
        }

        return value switch
        {
            string s when s.Length > MaxTextLength => string.Create(CultureInfo.InvariantCulture, $"({s.Length} characters, sha256 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))})"),
            string or bool or int or long or short or byte or decimal or double or float or Enum or Guid => value,
            DateTimeOffset or DateTime or DateOnly or TimeOnly or TimeSpan => value,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}
