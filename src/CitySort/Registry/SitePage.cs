using CitySort.Compliance;

namespace CitySort.Registry;

/// <summary>One page of the sites a <see cref="SiteFilter"/> lets through, ordered by code.</summary>
/// <param name="Items">The sites of this page.</param>
/// <param name="Total">Sites matching the filter over all pages.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">Sites per page (1..<see cref="SiteQueryService.MaxPageSize"/>).</param>
public sealed record SitePage(IReadOnlyList<IndexedSite> Items, int Total, int Page, int PageSize);
