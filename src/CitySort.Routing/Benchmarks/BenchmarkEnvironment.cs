namespace CitySort.Routing.Benchmarks;

/// <summary>Where and when a benchmark ran, printed in the report header.</summary>
/// <param name="CpuModel">The processor model (e.g. from /proc/cpuinfo "model name").</param>
/// <param name="LogicalCores">The number of logical cores.</param>
/// <param name="Commit">The source commit (short hash, with "+changes" when the tree was dirty), or "unknown".</param>
/// <param name="StartedUtc">When the run began.</param>
public sealed record BenchmarkEnvironment(string CpuModel, int LogicalCores, string Commit, DateTimeOffset StartedUtc);
