namespace CitySort.Cli;

/// <summary>
/// The width, in character columns, that the command line's tables and messages are laid out to: the terminal's own
/// width, so a table uses a wide window and wraps only where the window is narrow.
/// </summary>
public static class TerminalWidth
{
    /// <summary>
    /// The width used when the output is not a terminal (a file, a pipe, a log) and <c>COLUMNS</c> is not set:
    /// wide enough that no table is wrapped, since a table only takes the columns its cells need.
    /// </summary>
    public const int Unbounded = 1000;

    /// <summary>
    /// Picks the layout width: <c>COLUMNS</c> when it holds a positive whole number (an explicit choice), else the
    /// terminal window's width when the output is a terminal, else <see cref="Unbounded"/>.
    /// </summary>
    /// <param name="columnsVariable">The value of the environment variable <c>COLUMNS</c>, or null.</param>
    /// <param name="outputRedirected">True when standard output is a file or a pipe rather than a terminal.</param>
    /// <param name="windowWidth">Reads the terminal window's width in columns (0 or less, or an
    /// <see cref="IOException"/>, when unknown); called only when the output is a terminal.</param>
    /// <returns>The width in columns, at least 1.</returns>
    public static int Resolve(string? columnsVariable, bool outputRedirected, Func<int> windowWidth)
    {
        ArgumentNullException.ThrowIfNull(windowWidth);
        if (int.TryParse(columnsVariable, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            return columns;
        }

        if (!outputRedirected)
        {
            try
            {
                var width = windowWidth();
                if (width > 0)
                {
                    return width;
                }
            }
            catch (IOException)
            {
                // No window to ask (a detached console): fall through to the unbounded width.
            }
        }

        return Unbounded;
    }

    /// <summary>The width for this process: <see cref="Resolve"/> over the real environment and console.</summary>
    /// <returns>The width in columns.</returns>
    public static int OfThisConsole() =>
        Resolve(Environment.GetEnvironmentVariable("COLUMNS"), Console.IsOutputRedirected, () => Console.WindowWidth);
}
