using System.Buffers;
using System.Text;

namespace CitySort.Imports;

/// <summary>
/// The one check that a file is UTF-8 text (RFC 3629), used by every CSV import and by the profile loader: a GBK or
/// ANSI file saved by a spreadsheet is refused with the position of its first byte that cannot be read.
/// </summary>
internal static class Utf8Text
{
    /// <summary>The offset of the first byte that is not valid UTF-8, or <c>null</c> when all of <paramref name="bytes"/> is.</summary>
    /// <param name="bytes">The file's content.</param>
    /// <returns>A 0-based byte offset, or null.</returns>
    public static int? FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return null;
        }

        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }
}
