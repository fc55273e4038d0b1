namespace CitySort.Registry;

/// <summary>The body of a retirement (<c>POST /api/sites/{code}/retire</c> and the like).</summary>
/// <param name="Version">The record's version the retirement was decided from; a record changed since is a conflict (409).</param>
public sealed record RetireRequest(int Version);
