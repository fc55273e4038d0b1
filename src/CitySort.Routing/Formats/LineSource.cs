namespace CitySort.Routing.Formats;

/// <summary>Numbered, whitespace-split lines of a text file (any line ending, tabs, a BOM, trailing blanks).</summary>
internal static class LineSource
{
    private static readonly char[] Separators = [' ', '\t', '\f', '\v'];

    /// <summary>Reads every line with its 1-based number and tokens.</summary>
    public static List<(int Line, string Text, string[] Tokens)> Read(TextReader reader)
    {
        var lines = new List<(int, string, string[])>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (number == 1 && text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            lines.Add((number, text, text.Split(Separators, StringSplitOptions.RemoveEmptyEntries)));
        }

        return lines;
    }
}
