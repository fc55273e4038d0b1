namespace CitySort.Server.Live;

/// <summary>
/// The <c>"batchCommitted"</c> message of <see cref="LiveHub"/>: what the intake batches committed since the last such
/// message added, so that a page refetches the KPIs, violations and rejections of the days concerned. Sent at most once
/// per <see cref="LiveOptions.BatchNoticeInterval"/>.
/// </summary>
/// <param name="BusinessDays">The Asia/Shanghai business days whose rollups changed, ascending, as <c>YYYY-MM-DD</c>.</param>
/// <param name="AcceptedCount">Events accepted by those batches.</param>
/// <param name="RejectedCount">Events rejected or in conflict in those batches.</param>
public sealed record BatchCommittedMessage(IReadOnlyList<string> BusinessDays, int AcceptedCount, int RejectedCount);
