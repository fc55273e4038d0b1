namespace CitySort.Policy;

/// <summary>The people ratios of W96-W1 (supervisors per street) and W96-W2 (persuaders per households).</summary>
/// <param name="SupervisorClause">The supervisors' clause, <c>W96-W1</c>.</param>
/// <param name="MinSupervisorsPerStreet">Least number of sorting supervisors (分类督导员) per street (2).</param>
/// <param name="PersuaderClause">The persuaders' clause, <c>W96-W2</c>.</param>
/// <param name="MinPersuadersPerBlock">Least number of community persuaders (社区分类劝导员) per block of households (1).</param>
/// <param name="HouseholdsPerBlock">Households in a block (500).</param>
/// <param name="SupervisorName">Name of the supervisor role.</param>
/// <param name="PersuaderName">Name of the persuader role.</param>
/// <param name="Note">How a partial block counts ("at least" rounds up).</param>
public sealed record PeopleRules(
    string SupervisorClause,
    int MinSupervisorsPerStreet,
    string PersuaderClause,
    int MinPersuadersPerBlock,
    int HouseholdsPerBlock,
    LocalizedText SupervisorName,
    LocalizedText PersuaderName,
    LocalizedText? Note)
{
    /// <summary>Least number of supervisors for <paramref name="streets"/> streets (W96-W1): streets × 2.</summary>
    /// <param name="streets">Number of streets, 0 or more.</param>
    /// <returns>The required number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="streets"/> is negative.</exception>
    public int RequiredSupervisors(int streets)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(streets);
        return streets * MinSupervisorsPerStreet;
    }

    /// <summary>
    /// Least number of persuaders for <paramref name="households"/> households (W96-W2): ceil(households / 500) × 1,
    /// so 501 households need 2.
    /// </summary>
    /// <param name="households">Number of resident households, 0 or more.</param>
    /// <returns>The required number.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="households"/> is negative.</exception>
    public int RequiredPersuaders(int households)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(households);
        var blocks = (households + HouseholdsPerBlock - 1) / HouseholdsPerBlock;
        return blocks * MinPersuadersPerBlock;
    }
}
