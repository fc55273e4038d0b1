using System.Globalization;

namespace CitySort.Routing;

/// <summary>
/// A duration or a point in time measured from the start of the planning horizon: seconds in production, benchmark units in benchmarks (tenths of a unit for Solomon files).
/// An integer measure: arithmetic is exact, so costs recomputed by the checker equal the solver's to the unit.
/// </summary>
/// <param name="Value">The amount in whole units (seconds or benchmark units).</param>
public readonly record struct Duration(long Value) : IComparable<Duration>, IComparable
{
    /// <summary>The amount zero.</summary>
    public static Duration Zero => default;

    /// <summary>The largest representable amount (<see cref="long.MaxValue"/> units); use as "no limit", never add to it.</summary>
    public static Duration MaxValue => new(long.MaxValue);

    /// <summary>The sum of two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum; overflow is not checked.</returns>
    public static Duration operator +(Duration left, Duration right) => new(left.Value + right.Value);

    /// <summary>The difference of two amounts.</summary>
    /// <param name="left">The amount subtracted from.</param>
    /// <param name="right">The amount subtracted.</param>
    /// <returns>The difference, which may be negative.</returns>
    public static Duration operator -(Duration left, Duration right) => new(left.Value - right.Value);

    /// <summary>True when <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator <(Duration left, Duration right) => left.Value < right.Value;

    /// <summary>True when <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator >(Duration left, Duration right) => left.Value > right.Value;

    /// <summary>True when <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator <=(Duration left, Duration right) => left.Value <= right.Value;

    /// <summary>True when <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator >=(Duration left, Duration right) => left.Value >= right.Value;

    /// <summary>The larger of two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whichever is greater.</returns>
    public static Duration Max(Duration left, Duration right) => left.Value >= right.Value ? left : right;

    /// <summary>The smaller of two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whichever is smaller.</returns>
    public static Duration Min(Duration left, Duration right) => left.Value <= right.Value ? left : right;

    /// <summary>Adds two amounts (the named form of <c>+</c>).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    public static Duration Add(Duration left, Duration right) => left + right;

    /// <summary>Subtracts two amounts (the named form of <c>-</c>).</summary>
    /// <param name="left">The amount subtracted from.</param>
    /// <param name="right">The amount subtracted.</param>
    /// <returns>The difference.</returns>
    public static Duration Subtract(Duration left, Duration right) => left - right;

    /// <inheritdoc />
    public int CompareTo(Duration other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj is Duration other ? CompareTo(other) : throw new ArgumentException("Not a Duration.", nameof(obj));

    /// <summary>The amount as an invariant-culture integer.</summary>
    /// <returns>For example "1637".</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
