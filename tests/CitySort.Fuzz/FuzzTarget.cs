namespace CitySort.Fuzz;

/// <summary>One parser of outside input, run through its real entry point.</summary>
/// <param name="Name">The target's name, also its corpus folder (<c>tests/fuzz/corpus/NAME</c>).</param>
/// <param name="Description">What is parsed, through which entry point.</param>
/// <param name="UsesDatabase">True for the imports: the input runs through the real all-or-nothing import into a SQLite registry.</param>
/// <param name="Tokens">The target's own dictionary tokens, added to <see cref="Mutator.CommonTokens"/>.</param>
public sealed record FuzzTarget(string Name, string Description, bool UsesDatabase, IReadOnlyList<string> Tokens);
