using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CitySort.Collection.Violations;

namespace CitySort.Collection.Simulation;

/// <summary>
/// The manifest of the faults a run injected (<c>simulate --faults-out FILE</c>, docs/simulator.md): one
/// <see cref="InjectedFault"/> per fault message that was published, with what CitySort must make of it, so that a
/// test (or an operator) can check every one against <c>GET /api/violations</c> and <c>GET /api/rejections</c>.
/// </summary>
public static class SimulationManifest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The faults among the first <paramref name="published"/> messages of <paramref name="day"/>.</summary>
    /// <param name="day">The generated day.</param>
    /// <param name="published">How many of its messages were published (<see cref="SimulationRun.Published"/>).</param>
    /// <returns>The faults in publishing order.</returns>
    public static IReadOnlyList<InjectedFault> Build(SimulatedDay day, int published)
    {
        ArgumentNullException.ThrowIfNull(day);
        return day.Messages.Take(Math.Clamp(published, 0, day.Messages.Count)).Where(m => m.Fault is not null).Select(Describe).ToList();
    }

    /// <summary>Writes the manifest as JSON (<c>{"date": …, "faults": [ … ]}</c>, camelCase).</summary>
    /// <param name="stream">Where to.</param>
    /// <param name="date">The business day played.</param>
    /// <param name="faults">The faults (<see cref="Build"/>).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static Task WriteAsync(Stream stream, DateOnly date, IReadOnlyList<InjectedFault> faults, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, new Document(date, faults), Json, cancellationToken);

    /// <summary>Reads a manifest written by <see cref="WriteAsync"/>.</summary>
    /// <param name="stream">The JSON.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The faults.</returns>
    /// <exception cref="JsonException">When it is not a manifest.</exception>
    public static async Task<IReadOnlyList<InjectedFault>> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var document = await JsonSerializer.DeserializeAsync<Document>(stream, Json, cancellationToken);
        return document?.Faults ?? throw new JsonException("not a simulator fault manifest");
    }

    private static InjectedFault Describe(SimulatedMessage m)
    {
        var fault = m.Fault!.Value;
        var ids = m.EventId is null ? Array.Empty<string>() : [m.EventId];
        return fault switch
        {
            SimulationFault.Mixing => new(fault.ToString(), m.PublishAt, DemoDevice(), m.Topic, ids, "violation", null, nameof(ViolationKind.MixedDedicatedVehicle), m.Payload),
            SimulationFault.Duplicate => new(fault.ToString(), m.PublishAt, DemoDevice(), m.Topic, ids, "stored-once", null, null, m.Payload),
            SimulationFault.Conflict => new(fault.ToString(), m.PublishAt, DemoDevice(), m.Topic, ids, "rejection", ReasonCodes.Conflict, null, m.Payload),
            SimulationFault.LateFix => new(fault.ToString(), m.PublishAt, DemoDevice(), m.Topic, ids, "stored", null, null, m.Payload),
            SimulationFault.Malformed => new(fault.ToString(), m.PublishAt, DemoDevice(), m.Topic, ids, "rejection", ReasonCodes.Malformed, null, m.Payload),
            SimulationFault.ForeignPlate => new(fault.ToString(), m.PublishAt, DemoDevice(), m.Topic, ids, "rejection", ReasonCodes.TopicMismatch, null, m.Payload),
            _ => new(fault.ToString(), m.PublishAt, m.LoginUsername ?? string.Empty, null, ids, "rejection", ReasonCodes.UnknownDevice, null, null),
        };
    }

    /// <summary>The simulator publishes anonymously: the server takes it as the demo device.</summary>
    private static string DemoDevice() => Devices.DeviceService.DemoDeviceId;

    private sealed record Document(DateOnly Date, IReadOnlyList<InjectedFault> Faults);
}
