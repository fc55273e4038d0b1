using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CitySort.Routing;

/// <summary>
/// Collects depots, clients, unloading facilities, vehicle types and the distance and duration matrices, validates
/// them and builds an immutable <see cref="Problem"/>. Not thread-safe; one builder builds one problem at a time
/// (it may be reused after <see cref="Build"/>, the problem keeps its own copies).
/// </summary>
/// <remarks>
/// Distances come either from <see cref="SetDistanceMatrix"/> (a road-network matrix, metres) or from
/// <see cref="UseEuclideanDistances"/> (benchmarks). Travel durations come from <see cref="SetDurationMatrix"/>;
/// when none is given they equal the distances (the Solomon convention: travel time = distance).
/// </remarks>
public sealed class ProblemBuilder
{
    private readonly List<Depot> _depots = [];
    private readonly List<Client> _clients = [];
    private readonly List<Facility> _facilities = [];
    private readonly List<VehicleType> _vehicleTypes = [];
    private long[,]? _distanceMatrix;
    private long[,]? _durationMatrix;
    private EuclideanConvention? _euclidean;

    /// <summary>The instance name carried by the problem; default empty.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Stored units per unit of the source's cost (see <see cref="Problem.CostScale"/>); default 1, must be at least 1.</summary>
    public int CostScale { get; set; } = 1;

    /// <summary>The number of depots added so far.</summary>
    public int DepotCount => _depots.Count;

    /// <summary>The number of clients added so far.</summary>
    public int ClientCount => _clients.Count;

    /// <summary>The number of facilities added so far.</summary>
    public int FacilityCount => _facilities.Count;

    /// <summary>Adds a depot.</summary>
    /// <param name="depot">The depot.</param>
    /// <returns>Its index in <see cref="Problem.Depots"/>.</returns>
    public int AddDepot(Depot depot)
    {
        ArgumentNullException.ThrowIfNull(depot);
        _depots.Add(depot);
        return _depots.Count - 1;
    }

    /// <summary>Adds a client.</summary>
    /// <param name="client">The client.</param>
    /// <returns>Its index in <see cref="Problem.Clients"/>.</returns>
    public int AddClient(Client client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _clients.Add(client);
        return _clients.Count - 1;
    }

    /// <summary>Adds an unloading facility.</summary>
    /// <param name="facility">The facility.</param>
    /// <returns>Its index in <see cref="Problem.Facilities"/>.</returns>
    public int AddFacility(Facility facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        _facilities.Add(facility);
        return _facilities.Count - 1;
    }

    /// <summary>Adds a vehicle type.</summary>
    /// <param name="vehicleType">The vehicle type.</param>
    /// <returns>Its index in <see cref="Problem.VehicleTypes"/>.</returns>
    public int AddVehicleType(VehicleType vehicleType)
    {
        ArgumentNullException.ThrowIfNull(vehicleType);
        _vehicleTypes.Add(vehicleType);
        return _vehicleTypes.Count - 1;
    }

    /// <summary>
    /// Sets the full N × N distance matrix in node order (depots, clients, facilities). Replaces any Euclidean
    /// convention set before. The matrix is copied at <see cref="Build"/>.
    /// </summary>
    /// <param name="matrix">Arc lengths, non-negative; rows are origins, columns destinations.</param>
    /// <returns>This builder.</returns>
    public ProblemBuilder SetDistanceMatrix(long[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        _distanceMatrix = matrix;
        _euclidean = null;
        return this;
    }

    /// <summary>
    /// Sets the full N × N travel-duration matrix in node order. Without it, durations equal distances.
    /// </summary>
    /// <param name="matrix">Arc durations, non-negative; rows are origins, columns destinations.</param>
    /// <returns>This builder.</returns>
    public ProblemBuilder SetDurationMatrix(long[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        _durationMatrix = matrix;
        return this;
    }

    /// <summary>
    /// Computes distances from the node coordinates at <see cref="Build"/> under <paramref name="convention"/>.
    /// Replaces any distance matrix set before. With integer coordinates the rounding is exact (integer square roots),
    /// so recomputed costs match the published ones to the unit.
    /// </summary>
    /// <param name="convention">The rounding rule of the benchmark.</param>
    /// <returns>This builder.</returns>
    public ProblemBuilder UseEuclideanDistances(EuclideanConvention convention)
    {
        _euclidean = convention;
        _distanceMatrix = null;
        return this;
    }

    /// <summary>Checks the input and lists every problem, one sentence each; empty when the input is valid.</summary>
    /// <returns>The problems found, in the order depots, clients, facilities, vehicle types, matrices.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CostScale < 1)
        {
            errors.Add($"cost scale {CostScale} must be at least 1");
        }

        if (_depots.Count == 0)
        {
            errors.Add("there is no depot");
        }

        if (_vehicleTypes.Count == 0)
        {
            errors.Add("there is no vehicle type");
        }

        for (var i = 0; i < _depots.Count; i++)
        {
            CheckWindow(errors, $"depot {Label(i, _depots[i].Name)}", _depots[i].TimeWindow);
            CheckCoordinates(errors, $"depot {Label(i, _depots[i].Name)}", _depots[i].X, _depots[i].Y);
        }

        var largestCapacity = _vehicleTypes.Count == 0 ? Load.Zero : _vehicleTypes.Max(v => v.Capacity);
        for (var i = 0; i < _clients.Count; i++)
        {
            var c = _clients[i];
            var what = $"client {Label(i, c.Name)}";
            if (c.Demand < Load.Zero)
            {
                errors.Add($"{what}: demand {c.Demand} is negative");
            }
            else if (_vehicleTypes.Count > 0 && c.Demand > largestCapacity)
            {
                errors.Add($"{what}: demand {c.Demand} exceeds the largest vehicle capacity {largestCapacity}");
            }

            if (c.ServiceDuration < Duration.Zero)
            {
                errors.Add($"{what}: service duration {c.ServiceDuration} is negative");
            }

            if (c.TimeWindow is { } window)
            {
                CheckWindow(errors, what, window);
            }

            CheckCoordinates(errors, what, c.X, c.Y);
        }

        for (var i = 0; i < _facilities.Count; i++)
        {
            var f = _facilities[i];
            var what = $"facility {Label(i, f.Name)}";
            if (f.ServiceDuration < Duration.Zero)
            {
                errors.Add($"{what}: unloading duration {f.ServiceDuration} is negative");
            }

            CheckWindow(errors, what, f.TimeWindow);
            CheckCoordinates(errors, what, f.X, f.Y);
        }

        for (var i = 0; i < _vehicleTypes.Count; i++)
        {
            var v = _vehicleTypes[i];
            var what = $"vehicle type {Label(i, v.Name)}";
            if (v.DepotIndex < 0 || v.DepotIndex >= _depots.Count)
            {
                errors.Add($"{what}: depot index {v.DepotIndex} does not exist (there are {_depots.Count} depots)");
            }

            if (v.Capacity <= Load.Zero)
            {
                errors.Add($"{what}: capacity {v.Capacity} must be more than zero");
            }

            if (v.Count < 1)
            {
                errors.Add($"{what}: vehicle count {v.Count} must be at least 1");
            }

            var facilities = v.UnloadingFacilities ?? [];
            foreach (var f in facilities)
            {
                if (f < 0 || f >= _facilities.Count)
                {
                    errors.Add($"{what}: unloading facility index {f} does not exist (there are {_facilities.Count} facilities)");
                }
            }

            if (facilities.Distinct().Count() != facilities.Count)
            {
                errors.Add($"{what}: an unloading facility is listed twice");
            }

            if (v.MaxTripsPerVehicle is { } trips)
            {
                if (trips < 1)
                {
                    errors.Add($"{what}: at most {trips} trips per vehicle; it must be at least 1");
                }
                else if (facilities.Count == 0 && trips != 1)
                {
                    errors.Add($"{what}: {trips} trips per vehicle need an unloading facility; without one a vehicle makes exactly 1 trip");
                }
            }

            if (v.ShiftWindow is { } shift)
            {
                CheckWindow(errors, what + " shift", shift);
            }

            if (v.Break is { } meal)
            {
                if (meal.Duration < Duration.Zero)
                {
                    errors.Add($"{what}: break duration {meal.Duration} is negative");
                }

                CheckWindow(errors, what + " break start", meal.StartWindow);
            }

            if (v.MaxLoadPerDay is { } dayLoad && dayLoad <= Load.Zero)
            {
                errors.Add($"{what}: load per day {dayLoad} must be more than zero");
            }

            if (v.MaxClientsPerDay is { } dayClients && dayClients < 1)
            {
                errors.Add($"{what}: clients per day {dayClients} must be at least 1");
            }

            if (v.FixedCost < Distance.Zero)
            {
                errors.Add($"{what}: fixed cost {v.FixedCost} is negative");
            }
        }

        var n = _depots.Count + _clients.Count + _facilities.Count;
        if (_distanceMatrix is null && _euclidean is null)
        {
            errors.Add("no distances: set a distance matrix or use Euclidean distances");
        }

        if (_distanceMatrix is not null)
        {
            CheckMatrix(errors, "distance", _distanceMatrix, n);
        }

        if (_durationMatrix is not null)
        {
            CheckMatrix(errors, "duration", _durationMatrix, n);
        }

        return errors;
    }

    /// <summary>Validates the input and, when it is valid, builds the problem.</summary>
    /// <param name="problem">The problem, or <see langword="null"/> when the input is invalid.</param>
    /// <param name="errors">Every problem found (see <see cref="Validate"/>); empty on success.</param>
    /// <returns>True when the problem was built.</returns>
    public bool TryBuild([NotNullWhen(true)] out Problem? problem, out IReadOnlyList<string> errors)
    {
        errors = Validate();
        if (errors.Count > 0)
        {
            problem = null;
            return false;
        }

        problem = BuildValidated();
        return true;
    }

    /// <summary>Validates the input and builds the problem.</summary>
    /// <returns>The immutable problem.</returns>
    /// <exception cref="InvalidProblemException">The input is invalid; its <see cref="InvalidProblemException.Errors"/> lists why.</exception>
    public Problem Build()
    {
        var errors = Validate();
        return errors.Count > 0 ? throw new InvalidProblemException(errors) : BuildValidated();
    }

    private Problem BuildValidated()
    {
        var depots = _depots.ToArray();
        var horizon = depots.Max(d => d.TimeWindow.Latest);
        var clients = _clients
            .Select(c => c with { TimeWindow = c.TimeWindow ?? new TimeWindow(Duration.Zero, horizon) })
            .ToArray();
        var facilities = _facilities.ToArray();
        var vehicleTypes = _vehicleTypes.Select(v =>
        {
            var facilityList = (v.UnloadingFacilities ?? []).ToArray();
            var depotWindow = depots[v.DepotIndex].TimeWindow;
            var shift = v.ShiftWindow is { } s
                ? new TimeWindow(Duration.Max(s.Earliest, depotWindow.Earliest), Duration.Min(s.Latest, depotWindow.Latest))
                : depotWindow;
            return v with
            {
                UnloadingFacilities = facilityList,
                MaxTripsPerVehicle = v.MaxTripsPerVehicle ?? (facilityList.Length == 0 ? 1 : int.MaxValue),
                ShiftWindow = shift,
            };
        }).ToArray();

        var n = depots.Length + clients.Length + facilities.Length;
        var distances = _distanceMatrix is not null ? Flatten(_distanceMatrix) : Euclidean(n, _euclidean!.Value);
        var durations = _durationMatrix is not null ? Flatten(_durationMatrix) : (long[])distances.Clone();
        return new Problem(Name, CostScale, depots, clients, facilities, vehicleTypes, distances, durations);
    }

    private long[] Euclidean(int n, EuclideanConvention convention)
    {
        var xs = new double[n];
        var ys = new double[n];
        var k = 0;
        foreach (var d in _depots)
        {
            (xs[k], ys[k]) = (d.X, d.Y);
            k++;
        }

        foreach (var c in _clients)
        {
            (xs[k], ys[k]) = (c.X, c.Y);
            k++;
        }

        foreach (var f in _facilities)
        {
            (xs[k], ys[k]) = (f.X, f.Y);
            k++;
        }

        var result = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[(i * n) + j] = i == j ? 0 : EuclideanArc(xs[i] - xs[j], ys[i] - ys[j], convention);
            }
        }

        return result;
    }

    /// <summary>One arc under a convention; exact for integer coordinate differences.</summary>
    internal static long EuclideanArc(double dx, double dy, EuclideanConvention convention)
    {
        // The exact integer path must not overflow: 4 (dx² + dy²) < 2^63 needs |dx|, |dy| < 1.07e9, and 100 (dx² + dy²)
        // needs |dx|, |dy| < 2.14e8. Beyond (no real instance comes near), the double path is used.
        var limit = convention == EuclideanConvention.RoundNearest ? 1e9 : 2e8;
        var integral = Math.Abs(dx) < limit && Math.Abs(dy) < limit && dx == Math.Floor(dx) && dy == Math.Floor(dy);
        if (integral)
        {
            var squared = ((long)dx * (long)dx) + ((long)dy * (long)dy);
            return convention switch
            {
                // floor(d + 0.5) = floor((sqrt(4 s) + 1) / 2) = (isqrt(4 s) + 1) / 2 in integer division.
                EuclideanConvention.RoundNearest => (IntegerSqrt(4 * squared) + 1) / 2,

                // floor(10 d) = floor(sqrt(100 s)).
                _ => IntegerSqrt(100 * squared),
            };
        }

        var length = Math.Sqrt((dx * dx) + (dy * dy));
        return convention == EuclideanConvention.RoundNearest ? (long)Math.Floor(length + 0.5) : (long)Math.Floor(10 * length);
    }

    /// <summary>floor(sqrt(value)) for a non-negative integer, exactly.</summary>
    internal static long IntegerSqrt(long value)
    {
        var r = (long)Math.Sqrt(value);
        while (r * r > value)
        {
            r--;
        }

        while ((r + 1) * (r + 1) <= value)
        {
            r++;
        }

        return r;
    }

    private static long[] Flatten(long[,] matrix)
    {
        var n = matrix.GetLength(0);
        var result = new long[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[(i * n) + j] = matrix[i, j];
            }
        }

        return result;
    }

    private static void CheckMatrix(List<string> errors, string what, long[,] matrix, int n)
    {
        if (matrix.GetLength(0) != n || matrix.GetLength(1) != n)
        {
            errors.Add($"the {what} matrix is {matrix.GetLength(0)} × {matrix.GetLength(1)} but there are {n} nodes (depots, clients, facilities)");
            return;
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (matrix[i, j] < 0)
                {
                    errors.Add($"the {what} from node {i} to node {j} is negative ({matrix[i, j]})");
                    return;
                }
            }
        }
    }

    private static void CheckWindow(List<string> errors, string what, TimeWindow window)
    {
        if (window.Earliest < Duration.Zero)
        {
            errors.Add($"{what}: time window {window} starts before 0");
        }

        if (window.Earliest > window.Latest)
        {
            errors.Add($"{what}: time window {window} closes before it opens");
        }
    }

    private static void CheckCoordinates(List<string> errors, string what, double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            errors.Add($"{what}: coordinates ({x.ToString(CultureInfo.InvariantCulture)}, {y.ToString(CultureInfo.InvariantCulture)}) are not finite numbers");
        }
    }

    private static string Label(int index, string name) =>
        name.Length == 0 ? index.ToString(CultureInfo.InvariantCulture) : $"{index.ToString(CultureInfo.InvariantCulture)} (\"{name}\")";
}
