using System.Text.Json;

namespace CitySort.Imports;

/// <summary>
/// Finds a JSON string whose escapes do not make text: a lone UTF-16 surrogate such as <c>"\ud800"</c> (RFC 8259 §8.2
/// allows the escape in the grammar, but it names no Unicode character). System.Text.Json accepts such a document and
/// throws only when the string is read, so every reader of outside JSON checks the document with this first.
/// </summary>
internal static class JsonStringCheck
{
    /// <summary>The byte offset of the first string or property name that cannot be read as text, or null when every one can (or the JSON is malformed: that is the caller's own error to report).</summary>
    /// <param name="utf8">The document, valid UTF-8.</param>
    /// <param name="options">The reader options the caller parses with (depth, comments, trailing commas).</param>
    /// <returns>A 0-based byte offset of the string's opening quote, or null.</returns>
    public static int? FirstUnreadableString(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    try
                    {
                        reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return (int)reader.TokenStartIndex;
                    }
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }
}
