namespace CitySort.Routing.Hgs;

/// <summary>
/// A sector of the circle around the depot, in integer angles 0 … 65535, used to test SWAP* only between routes
/// whose polar sectors overlap (Vidal 2022, section 5).
/// </summary>
internal struct CircleSector
{
    /// <summary>The first angle of the sector.</summary>
    public int Start;

    /// <summary>The last angle of the sector (clockwise from <see cref="Start"/>).</summary>
    public int End;

    /// <summary>The angle modulo 65536 in [0, 65535].</summary>
    public static int PositiveMod(int i) => ((i % 65536) + 65536) % 65536;

    /// <summary>Sets the sector to one angle.</summary>
    public void Initialize(int angle)
    {
        Start = angle;
        End = angle;
    }

    /// <summary>Widens the sector minimally so that it holds <paramref name="angle"/>.</summary>
    public void Extend(int angle)
    {
        if (PositiveMod(angle - Start) <= PositiveMod(End - Start))
        {
            return;
        }

        if (PositiveMod(angle - End) <= PositiveMod(Start - angle))
        {
            End = angle;
        }
        else
        {
            Start = angle;
        }
    }

    /// <summary>True when the two sectors share an angle.</summary>
    public static bool Overlap(in CircleSector a, in CircleSector b) =>
        PositiveMod(b.Start - a.Start) <= PositiveMod(a.End - a.Start)
        || PositiveMod(a.Start - b.Start) <= PositiveMod(b.End - b.Start);
}
