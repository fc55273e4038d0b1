namespace CitySort.Routing.Formats;

/// <summary>
/// What a reader returns: the value when the whole file was read without error, otherwise every error found and no
/// value (a file is read all-or-nothing).
/// </summary>
/// <typeparam name="T">The type read.</typeparam>
public sealed record FormatResult<T>
    where T : class
{
    private FormatResult(T? value, IReadOnlyList<FormatError> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The value read, or null when there are errors.</summary>
    public T? Value { get; }

    /// <summary>Every error found, in line order; empty on success.</summary>
    public IReadOnlyList<FormatError> Errors { get; }

    /// <summary>True when the file was read without error and <see cref="Value"/> is set.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>A successful result.</summary>
    /// <param name="value">The value read.</param>
    /// <returns>The result.</returns>
    public static FormatResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new FormatResult<T>(value, []);
    }

    /// <summary>A failed result.</summary>
    /// <param name="errors">At least one error.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public static FormatResult<T> Failure(IReadOnlyList<FormatError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new FormatResult<T>(null, errors);
    }

    /// <summary>The value, for callers that treat a bad file as a bug (tests, trusted data).</summary>
    /// <returns>The value read.</returns>
    /// <exception cref="FormatException">The file had errors; the message lists them as "file:line: reason".</exception>
    public T GetValueOrThrow() =>
        Value ?? throw new FormatException(string.Join(Environment.NewLine, Errors.Select(e => e.ToString())));
}
