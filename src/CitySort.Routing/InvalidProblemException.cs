namespace CitySort.Routing;

/// <summary>
/// Thrown by <see cref="ProblemBuilder.Build"/> when the builder's input is not a valid problem. Callers that handle
/// user input should call <see cref="ProblemBuilder.TryBuild"/> and report <see cref="Errors"/> instead.
/// </summary>
public sealed class InvalidProblemException : Exception
{
    /// <summary>Creates the exception with an empty list of errors.</summary>
    public InvalidProblemException()
        : this([])
    {
    }

    /// <summary>Creates the exception with one message.</summary>
    /// <param name="message">The reason.</param>
    public InvalidProblemException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one message and its cause.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception listing every problem found.</summary>
    /// <param name="errors">One sentence per problem, e.g. "client 3 (\"4\"): demand -5 is negative".</param>
    public InvalidProblemException(IReadOnlyList<string> errors)
        : base("The routing problem is invalid: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}
