namespace CitySort.Registry;

/// <summary>One stop of a <see cref="DedicatedLine"/>: the site visited at position <see cref="Sequence"/>.</summary>
public sealed class DedicatedLineStop
{
    /// <summary>The code of the line.</summary>
    public string LineCode { get; set; } = string.Empty;

    /// <summary>Position on the line, from 1.</summary>
    public int Sequence { get; set; }

    /// <summary>The code of the site visited.</summary>
    public required string SiteCode { get; set; }

    /// <summary>The site (navigation).</summary>
    public Site? Site { get; set; }
}
