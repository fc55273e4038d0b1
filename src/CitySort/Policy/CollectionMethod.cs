namespace CitySort.Policy;

/// <summary>How a category is collected (W96-K1..K4). JSON names are camelCase: <c>fixedPoint</c>, <c>appointment</c>, …</summary>
public enum CollectionMethod
{
    /// <summary>At fixed points (定点).</summary>
    FixedPoint = 1,

    /// <summary>By appointment (预约).</summary>
    Appointment = 2,

    /// <summary>Door to door by approved units (上门回收, W96-K1).</summary>
    DoorToDoor = 3,

    /// <summary>The existing collection mode through the transfer stations (W96-K3).</summary>
    ExistingHauler = 4,

    /// <summary>By the holder of a collection and treatment franchise (W96-K4).</summary>
    Franchise = 5,
}
