using System.Globalization;

namespace CitySort.Routing;

/// <summary>
/// An amount loaded on a vehicle: kilograms in production, demand units in benchmarks.
/// An integer measure: arithmetic is exact, so costs recomputed by the checker equal the solver's to the unit.
/// </summary>
/// <param name="Value">The amount in whole units (kilograms or demand units).</param>
public readonly record struct Load(long Value) : IComparable<Load>, IComparable
{
    /// <summary>The amount zero.</summary>
    public static Load Zero => default;

    /// <summary>The largest representable amount (<see cref="long.MaxValue"/> units); use as "no limit", never add to it.</summary>
    public static Load MaxValue => new(long.MaxValue);

    /// <summary>The sum of two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum; overflow is not checked.</returns>
    public static Load operator +(Load left, Load right) => new(left.Value + right.Value);

    /// <summary>The difference of two amounts.</summary>
    /// <param name="left">The amount subtracted from.</param>
    /// <param name="right">The amount subtracted.</param>
    /// <returns>The difference, which may be negative.</returns>
    public static Load operator -(Load left, Load right) => new(left.Value - right.Value);

    /// <summary>True when <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator <(Load left, Load right) => left.Value < right.Value;

    /// <summary>True when <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator >(Load left, Load right) => left.Value > right.Value;

    /// <summary>True when <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator <=(Load left, Load right) => left.Value <= right.Value;

    /// <summary>True when <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator >=(Load left, Load right) => left.Value >= right.Value;

    /// <summary>The larger of two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whichever is greater.</returns>
    public static Load Max(Load left, Load right) => left.Value >= right.Value ? left : right;

    /// <summary>The smaller of two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whichever is smaller.</returns>
    public static Load Min(Load left, Load right) => left.Value <= right.Value ? left : right;

    /// <summary>Adds two amounts (the named form of <c>+</c>).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    public static Load Add(Load left, Load right) => left + right;

    /// <summary>Subtracts two amounts (the named form of <c>-</c>).</summary>
    /// <param name="left">The amount subtracted from.</param>
    /// <param name="right">The amount subtracted.</param>
    /// <returns>The difference.</returns>
    public static Load Subtract(Load left, Load right) => left - right;

    /// <inheritdoc />
    public int CompareTo(Load other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj is Load other ? CompareTo(other) : throw new ArgumentException("Not a Load.", nameof(obj));

    /// <summary>The amount as an invariant-culture integer.</summary>
    /// <returns>For example "1637".</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
