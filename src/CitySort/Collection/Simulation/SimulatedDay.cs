namespace CitySort.Collection.Simulation;

/// <summary>A generated day (<see cref="DaySimulator.Generate"/>): the messages in publishing order and the other-waste rounds.</summary>
/// <param name="Date">The business day.</param>
/// <param name="Messages">Every message, ordered by <see cref="SimulatedMessage.PublishAt"/> (stable).</param>
/// <param name="Rounds">The other-waste fleet's trips as laid out.</param>
public sealed record SimulatedDay(DateOnly Date, IReadOnlyList<SimulatedMessage> Messages, IReadOnlyList<SimulatedRound> Rounds)
{
    /// <summary>Net tonnes of the day's weigh tickets at waste-to-energy plants and landfills (residual tonnage, W96-T5), faults excluded.</summary>
    public decimal ResidualTonnes { get; init; }
}
