using System.Globalization;
using System.Text;

namespace CitySort.Fuzz;

/// <summary>
/// Makes new inputs from a pool of real-shaped files by stacking one to eight byte-level mutations: bit flips, random
/// bytes set, inserted or deleted, a range duplicated or repeated many times, a splice with another pool entry, a
/// dictionary token (delimiters, quotes, byte order marks, huge numbers, deep nesting, invalid UTF-8), a number
/// replaced by an extreme one, lines swapped, truncation. Deterministic: the same seed and pool give the same inputs.
/// </summary>
/// <param name="seed">The seed of the pseudo-random sequence.</param>
/// <param name="dictionary">The tokens to insert, the common ones and the target's own.</param>
public sealed class Mutator(int seed, IReadOnlyList<byte[]> dictionary)
{
    /// <summary>The largest input made, in bytes; longer results are cut (the parsers' own size limits are far above).</summary>
    public const int MaxInputBytes = 256 * 1024;

    private readonly Random random = new(seed);

    /// <summary>Tokens that every text format meets: delimiters, quotes, line ends, byte order marks, extreme numbers, bad UTF-8.</summary>
    public static IReadOnlyList<byte[]> CommonTokens { get; } =
    [
        .. new[]
        {
            ",", ";", "\"", "\"\"", "'", "\t", "\r\n", "\n", "\r", " ", "/", ":", "#", "=", "+", "-", "@", ".", "{", "}", "[", "]",
            "\uFEFF", "\0", "\u2028", "\u00A0", "NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e-400", "-0", "0x1F",
            "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "79228162514264337593543950336",
            "0.0000000000000000000000000001", "999999999999999999999999999999999999", "00000000000000000000",
            "null", "true", "false", "\"\"", "[]", "{}", "=cmd|'/c calc'!A1", "<img src=x onerror=alert(1)>", "鹿城区", "街道",
            "2015-12-01T07:42:10+08:00", "2015-02-30", "24:00", "9999-12-31T23:59:59Z", "0001-01-01",
            new string('9', 400), new string('[', 2000), new string('{', 600) + "\"a\":", "\"a\":", "\\u0000", "\\ud800", "\\",
        }.Select(Encoding.UTF8.GetBytes),
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xC3, 0x28], [0xFF], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80],
    ];

    /// <summary>A new input made from <paramref name="pool"/>.</summary>
    /// <param name="pool">The inputs to start from (at least one).</param>
    /// <returns>The mutated bytes, at most <see cref="MaxInputBytes"/> long.</returns>
    public byte[] Next(IReadOnlyList<byte[]> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var data = new List<byte>(pool[random.Next(pool.Count)]);
        var count = 1 + random.Next(random.Next(2) == 0 ? 2 : 8);
        for (var i = 0; i < count; i++)
        {
            Mutate(data, pool);
            if (data.Count > MaxInputBytes)
            {
                data.RemoveRange(MaxInputBytes, data.Count - MaxInputBytes);
            }
        }

        return [.. data];
    }

    private void Mutate(List<byte> data, IReadOnlyList<byte[]> pool)
    {
        switch (random.Next(13))
        {
            case 0 when data.Count > 0:
                data[random.Next(data.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when data.Count > 0:
                data[random.Next(data.Count)] = (byte)random.Next(256);
                break;
            case 2:
                data.Insert(random.Next(data.Count + 1), (byte)random.Next(256));
                break;
            case 3 when data.Count > 0:
                {
                    var start = random.Next(data.Count);
                    data.RemoveRange(start, Math.Min(data.Count - start, 1 + random.Next(32)));
                    break;
                }

            case 4 when data.Count > 0:
                {
                    var (start, length) = Range(data.Count, 64);
                    var chunk = data.GetRange(start, length);
                    data.InsertRange(random.Next(data.Count + 1), chunk);
                    break;
                }

            case 5 when data.Count > 0:
                {
                    // A range repeated many times: long lines, many rows, deep nesting of what the range holds.
                    var (start, length) = Range(data.Count, 16);
                    var chunk = data.GetRange(start, length);
                    var times = 2 + random.Next(random.Next(4) == 0 ? 2000 : 50);
                    var repeated = new List<byte>(chunk.Count * times);
                    for (var t = 0; t < times && repeated.Count < MaxInputBytes; t++)
                    {
                        repeated.AddRange(chunk);
                    }

                    data.InsertRange(start, repeated);
                    break;
                }

            case 6:
                {
                    var other = pool[random.Next(pool.Count)];
                    if (other.Length == 0)
                    {
                        break;
                    }

                    var cut = random.Next(data.Count + 1);
                    var from = random.Next(other.Length);
                    data.RemoveRange(cut, data.Count - cut);
                    data.AddRange(other.AsSpan(from).ToArray());
                    break;
                }

            case 7:
            case 8:
                data.InsertRange(random.Next(data.Count + 1), dictionary[random.Next(dictionary.Count)]);
                break;
            case 9 when data.Count > 0:
                {
                    var (start, length) = Range(data.Count, 8);
                    data.RemoveRange(start, length);
                    data.InsertRange(start, dictionary[random.Next(dictionary.Count)]);
                    break;
                }

            case 10:
                ReplaceNumber(data);
                break;
            case 11:
                SwapLines(data);
                break;
            case 12 when data.Count > 0:
                {
                    var cut = random.Next(data.Count);
                    data.RemoveRange(cut, data.Count - cut);
                    break;
                }

            default:
                data.InsertRange(random.Next(data.Count + 1), dictionary[random.Next(dictionary.Count)]);
                break;
        }
    }

    private (int Start, int Length) Range(int count, int longest)
    {
        var start = random.Next(count);
        return (start, Math.Min(count - start, 1 + random.Next(longest)));
    }

    private void ReplaceNumber(List<byte> data)
    {
        var digits = new List<int>();
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] is >= (byte)'0' and <= (byte)'9' && (i == 0 || data[i - 1] is < (byte)'0' or > (byte)'9'))
            {
                digits.Add(i);
            }
        }

        if (digits.Count == 0)
        {
            return;
        }

        var start = digits[random.Next(digits.Count)];
        var end = start;
        while (end < data.Count && data[end] is >= (byte)'0' and <= (byte)'9')
        {
            end++;
        }

        string[] extremes = ["0", "-1", "1", "2147483647", "2147483648", "-2147483648", "9223372036854775807", "18446744073709551616", "1e308", "1E+39", "0.5", "1.999999999999999999999", "-0.0", "007", "65535", "1000001"];
        var replacement = random.Next(3) == 0
            ? random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture)
            : extremes[random.Next(extremes.Length)];
        data.RemoveRange(start, end - start);
        data.InsertRange(start, Encoding.ASCII.GetBytes(replacement));
    }

    private void SwapLines(List<byte> data)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < data.Count; i++)
        {
            if (data[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        if (starts.Count < 3)
        {
            return;
        }

        var a = random.Next(starts.Count - 1);
        var b = random.Next(starts.Count - 1);
        if (a == b)
        {
            return;
        }

        (a, b) = (Math.Min(a, b), Math.Max(a, b));
        var lineA = data.GetRange(starts[a], starts[a + 1] - starts[a]);
        var lineB = data.GetRange(starts[b], starts[b + 1] - starts[b]);
        data.RemoveRange(starts[b], lineB.Count);
        data.InsertRange(starts[b], lineA);
        data.RemoveRange(starts[a], lineA.Count);
        data.InsertRange(starts[a], lineB);
    }
}
