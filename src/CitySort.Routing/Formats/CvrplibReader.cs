using System.Globalization;

namespace CitySort.Routing.Formats;

/// <summary>
/// Reads CVRPLIB / TSPLIB-95 CVRP files (.vrp): header lines "KEY : VALUE" (NAME, COMMENT, TYPE, DIMENSION,
/// EDGE_WEIGHT_TYPE, EDGE_WEIGHT_FORMAT, CAPACITY, VEHICLES) and the sections NODE_COORD_SECTION, DEMAND_SECTION,
/// DEPOT_SECTION (ended by -1), EDGE_WEIGHT_SECTION, in any order, up to EOF.
/// </summary>
/// <remarks>
/// <para>Distances: EUC_2D rounds each arc to the nearest integer (TSPLIB <c>nint</c>, the CVRPLIB convention for the
/// X set, Uchoa et al. 2017); EXPLICIT reads integer weights in FULL_MATRIX, LOWER_ROW, LOWER_DIAG_ROW, UPPER_ROW or
/// UPPER_DIAG_ROW layout. Travel durations equal distances; there are no time windows.</para>
/// <para>Numbering: the single depot becomes depot 0; the other nodes become clients in node order, client i
/// (1-based) named "i", as in CVRPLIB .sol files (with the depot at node 1, client i is node i+1).</para>
/// <para>The fleet is unlimited unless a VEHICLES line gives its size. Tolerates CRLF, tabs, a BOM, trailing blanks,
/// blank lines and unknown header keys; DISTANCE and SERVICE_TIME limits are reported as unsupported.
/// Source: TSPLIB 95 (Reinelt 1995) and CVRPLIB (http://vrp.galgos.inf.puc-rio.br).</para>
/// </remarks>
public static class CvrplibReader
{
    /// <summary>
    /// The most nodes (DIMENSION, depot included) a file may declare: ten times the largest X instance (1001 nodes) and
    /// beyond any city's daily problem; a larger DIMENSION is refused before anything is allocated for it.
    /// </summary>
    public const int MaxDimension = 10_010;

    /// <summary>Reads a .vrp file.</summary>
    /// <param name="path">The file path; it is named in errors as given.</param>
    /// <returns>The problem, or every error as "file:line: reason".</returns>
    /// <exception cref="IOException">The file cannot be read (infrastructure, not bad input).</exception>
    public static FormatResult<Problem> Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    /// <summary>Parses .vrp text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The name to put in errors.</param>
    /// <returns>The problem, or every error as "file:line: reason".</returns>
    public static FormatResult<Problem> Parse(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<FormatError>();
        void Error(int line, string reason) => errors.Add(new FormatError(fileName, line, reason));

        string name = string.Empty, edgeWeightType = string.Empty, edgeWeightFormat = "FULL_MATRIX";
        int? dimension = null, vehicles = null;
        long? capacity = null;
        var coords = new Dictionary<int, (double X, double Y, int Line)>();
        var demands = new Dictionary<int, (long Demand, int Line)>();
        var depots = new List<(int Node, int Line)>();
        var weights = new List<(long Value, int Line)>();
        string? section = null;
        var depotSectionClosed = false;

        foreach (var (line, text, tokens) in LineSource.Read(reader))
        {
            if (tokens.Length == 0)
            {
                continue;
            }

            if (char.IsLetter(tokens[0][0]))
            {
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                var key = (colon >= 0 ? text[..colon] : tokens[0]).Trim().ToUpperInvariant();
                var value = colon >= 0 ? text[(colon + 1)..].Trim() : string.Join(' ', tokens.Skip(1));
                if (key == "EOF")
                {
                    break;
                }

                if (key.EndsWith("_SECTION", StringComparison.Ordinal))
                {
                    section = key;
                    if (key is not ("NODE_COORD_SECTION" or "DEMAND_SECTION" or "DEPOT_SECTION" or "EDGE_WEIGHT_SECTION" or "DISPLAY_DATA_SECTION"))
                    {
                        Error(line, $"section {key} is not supported by this reader");
                    }

                    continue;
                }

                section = null;
                switch (key)
                {
                    case "NAME":
                        name = value;
                        break;
                    case "TYPE":
                        if (value.ToUpperInvariant() is not ("CVRP" or "ACVRP"))
                        {
                            Error(line, $"TYPE {value} is not CVRP");
                        }

                        break;
                    case "DIMENSION":
                        dimension = ParseInt(value, line, "DIMENSION", 2, Error);
                        if (dimension > MaxDimension)
                        {
                            Error(line, $"DIMENSION {dimension} is more nodes than this reader takes (at most {MaxDimension})");
                            dimension = null;
                        }

                        break;
                    case "CAPACITY":
                        capacity = ParseInt(value, line, "CAPACITY", 1, Error);
                        break;
                    case "VEHICLES":
                        vehicles = ParseInt(value, line, "VEHICLES", 1, Error);
                        break;
                    case "EDGE_WEIGHT_TYPE":
                        edgeWeightType = value.ToUpperInvariant();
                        if (edgeWeightType is not ("EUC_2D" or "EXPLICIT"))
                        {
                            Error(line, $"EDGE_WEIGHT_TYPE {value} is not supported (EUC_2D or EXPLICIT)");
                        }

                        break;
                    case "EDGE_WEIGHT_FORMAT":
                        edgeWeightFormat = value.ToUpperInvariant();
                        if (edgeWeightFormat is not ("FULL_MATRIX" or "LOWER_ROW" or "LOWER_DIAG_ROW" or "UPPER_ROW" or "UPPER_DIAG_ROW"))
                        {
                            Error(line, $"EDGE_WEIGHT_FORMAT {value} is not supported");
                        }

                        break;
                    case "DISTANCE" or "SERVICE_TIME":
                        Error(line, $"{key} (a route length or service limit) is not supported by this reader");
                        break;
                    default:
                        // COMMENT, NODE_COORD_TYPE, DISPLAY_DATA_TYPE and other informative keys.
                        break;
                }

                continue;
            }

            switch (section)
            {
                case "NODE_COORD_SECTION":
                    if (tokens.Length != 3)
                    {
                        Error(line, $"expected 3 numbers (node, x, y) but found {tokens.Length}");
                    }
                    else if (ParseNode(tokens[0], line, Error) is { } node
                        && ParseDouble(tokens[1], line, "x", Error) is { } x
                        && ParseDouble(tokens[2], line, "y", Error) is { } y)
                    {
                        if (!coords.TryAdd(node, (x, y, line)))
                        {
                            Error(line, $"node {node} has coordinates twice (first on line {coords[node].Line})");
                        }
                    }

                    break;
                case "DEMAND_SECTION":
                    if (tokens.Length != 2)
                    {
                        Error(line, $"expected 2 numbers (node, demand) but found {tokens.Length}");
                    }
                    else if (ParseNode(tokens[0], line, Error) is { } node
                        && ParseInt(tokens[1], line, "demand", 0, Error) is { } demand)
                    {
                        if (!demands.TryAdd(node, (demand, line)))
                        {
                            Error(line, $"node {node} has a demand twice (first on line {demands[node].Line})");
                        }
                    }

                    break;
                case "DEPOT_SECTION":
                    foreach (var token in tokens)
                    {
                        if (depotSectionClosed)
                        {
                            Error(line, $"unexpected \"{token}\" after the -1 that ends DEPOT_SECTION");
                            break;
                        }

                        if (token == "-1")
                        {
                            depotSectionClosed = true;
                        }
                        else if (ParseNode(token, line, Error) is { } node)
                        {
                            depots.Add((node, line));
                        }
                    }

                    break;
                case "EDGE_WEIGHT_SECTION":
                    foreach (var token in tokens)
                    {
                        if (long.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) && w >= 0)
                        {
                            weights.Add((w, line));
                        }
                        else
                        {
                            Error(line, $"edge weight \"{token}\" is not a non-negative whole number");
                        }
                    }

                    break;
                case "DISPLAY_DATA_SECTION":
                    break;
                default:
                    Error(line, $"unexpected data \"{text.Trim()}\" outside any section");
                    break;
            }
        }

        if (dimension is null)
        {
            Error(0, "there is no DIMENSION line");
        }

        if (capacity is null)
        {
            Error(0, "there is no CAPACITY line");
        }

        if (edgeWeightType.Length == 0)
        {
            Error(0, "there is no EDGE_WEIGHT_TYPE line");
        }

        if (errors.Count > 0)
        {
            return FormatResult<Problem>.Failure(errors);
        }

        var n = dimension!.Value;
        foreach (var (node, l) in depots)
        {
            if (node > n)
            {
                Error(l, $"depot node {node} is beyond DIMENSION {n}");
            }
        }

        if (depots.Count == 0)
        {
            Error(0, "there is no depot (DEPOT_SECTION is missing or empty)");
        }
        else if (depots.Count > 1)
        {
            Error(depots[1].Line, $"more than one depot ({depots.Count}) is not supported by this reader");
        }

        foreach (var (node, value) in coords.Where(c => c.Key > n))
        {
            Error(value.Line, $"node {node} is beyond DIMENSION {n}");
        }

        foreach (var (node, value) in demands.Where(c => c.Key > n))
        {
            Error(value.Line, $"node {node} is beyond DIMENSION {n}");
        }

        for (var node = 1; node <= n; node++)
        {
            if (edgeWeightType == "EUC_2D" && !coords.ContainsKey(node))
            {
                Error(0, $"node {node} has no line in NODE_COORD_SECTION");
            }

            if (!demands.ContainsKey(node))
            {
                Error(0, $"node {node} has no line in DEMAND_SECTION");
            }
        }

        long[,]? explicitMatrix = null;
        if (edgeWeightType == "EXPLICIT")
        {
            explicitMatrix = ExpandWeights(weights, n, edgeWeightFormat, Error);
        }

        if (errors.Count > 0)
        {
            return FormatResult<Problem>.Failure(errors);
        }

        var depotNode = depots[0].Node;
        if (demands[depotNode].Demand != 0)
        {
            Error(demands[depotNode].Line, $"the depot (node {depotNode}) has demand {demands[depotNode].Demand}; it must be 0");
            return FormatResult<Problem>.Failure(errors);
        }

        // Problem order: the depot, then the other nodes in file order.
        var order = new List<int> { depotNode };
        order.AddRange(Enumerable.Range(1, n).Where(i => i != depotNode));
        var builder = new ProblemBuilder { Name = name, CostScale = 1 };
        var (dx, dy) = coords.TryGetValue(depotNode, out var dc) ? (dc.X, dc.Y) : (0d, 0d);
        builder.AddDepot(new Depot { Name = depotNode.ToString(CultureInfo.InvariantCulture), X = dx, Y = dy });
        for (var k = 1; k < order.Count; k++)
        {
            var node = order[k];
            var (x, y) = coords.TryGetValue(node, out var c) ? (c.X, c.Y) : (0d, 0d);
            builder.AddClient(new Client
            {
                Name = k.ToString(CultureInfo.InvariantCulture),
                X = x,
                Y = y,
                Demand = new Load(demands[node].Demand),
            });
        }

        builder.AddVehicleType(new VehicleType { DepotIndex = 0, Capacity = new Load(capacity!.Value), Count = vehicles ?? int.MaxValue });
        if (explicitMatrix is not null)
        {
            var m = new long[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    m[i, j] = explicitMatrix[order[i] - 1, order[j] - 1];
                }
            }

            builder.SetDistanceMatrix(m);
        }
        else
        {
            builder.UseEuclideanDistances(EuclideanConvention.RoundNearest);
        }

        if (!builder.TryBuild(out var problem, out var problemErrors))
        {
            return FormatResult<Problem>.Failure(problemErrors.Select(e => new FormatError(fileName, 0, e)).ToList());
        }

        return FormatResult<Problem>.Success(problem);
    }

    private static long[,]? ExpandWeights(List<(long Value, int Line)> weights, int n, string format, Action<int, string> error)
    {
        long expected = format switch
        {
            "FULL_MATRIX" => (long)n * n,
            "LOWER_ROW" or "UPPER_ROW" => (long)n * (n - 1) / 2,
            _ => (long)n * (n + 1) / 2,
        };
        if (weights.Count != expected)
        {
            error(weights.Count > 0 ? weights[^1].Line : 0, $"EDGE_WEIGHT_SECTION holds {weights.Count} weights but {format} for {n} nodes needs {expected}");
            return null;
        }

        var m = new long[n, n];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            var (from, to) = format switch
            {
                "FULL_MATRIX" => (0, n),
                "LOWER_ROW" => (0, i),
                "LOWER_DIAG_ROW" => (0, i + 1),
                "UPPER_ROW" => (i + 1, n),
                _ => (i, n),
            };
            for (var j = from; j < to; j++)
            {
                m[i, j] = weights[k++].Value;
                if (format != "FULL_MATRIX")
                {
                    m[j, i] = m[i, j];
                }
            }
        }

        return m;
    }

    private static int? ParseNode(string token, int line, Action<int, string> error)
    {
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var node) && node >= 1)
        {
            return node;
        }

        error(line, $"node number \"{token}\" is not a whole number of 1 or more");
        return null;
    }

    private static int? ParseInt(string token, int line, string what, int minimum, Action<int, string> error)
    {
        if (int.TryParse(token.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        error(line, $"{what} \"{token.Trim()}\" is not a whole number of {minimum} or more");
        return null;
    }

    private static double? ParseDouble(string token, int line, string what, Action<int, string> error)
    {
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        error(line, $"{what} coordinate \"{token}\" is not a number");
        return null;
    }
}
