namespace CitySort.Routing;

/// <summary>How <see cref="ProblemBuilder.UseEuclideanDistances"/> turns straight-line lengths into integer arcs.</summary>
public enum EuclideanConvention
{
    /// <summary>
    /// Each arc is rounded to the nearest integer, <c>floor(d + 0.5)</c> (TSPLIB <c>nint</c>, EUC_2D): the CVRPLIB
    /// convention of the X instances (Uchoa et al. 2017). Cost scale 1.
    /// </summary>
    RoundNearest = 0,

    /// <summary>
    /// Each arc is truncated to one decimal and stored in tenths, <c>floor(10 d)</c>: the DIMACS 2021 VRPTW convention
    /// for the Solomon instances. Cost scale 10; coordinates, times and service durations must be scaled by 10 too.
    /// </summary>
    TruncateTenths = 1,
}
