namespace CitySort.Fuzz;

/// <summary>What a parser made of one input, when it returned (a crash or a hang is no verdict but a finding).</summary>
/// <param name="Accepted">True when the input was read (and, for an import, written); false when the parser refused it with its own documented problems.</param>
/// <param name="Signature">The kind of answer, with the input's own values and numbers taken out (the first problem's field and reason shape); a new signature keeps the input in the pool.</param>
/// <param name="PartialWrite">For an import checked against the database: a refused import that changed it; null when not checked.</param>
public readonly record struct FuzzVerdict(bool Accepted, string Signature, string? PartialWrite = null);
