namespace CitySort.Server.Contracts;

/// <summary>One page of a filtered list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page, in the list's order.</param>
/// <param name="Total">Items matching the filters over all pages.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Items per page (1..500).</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
