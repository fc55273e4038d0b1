namespace CitySort.Registry;

/// <summary>
/// The special streams collected and treated separately from household waste (专项收集处置, W96-C5).
/// </summary>
public enum SpecialStream
{
    /// <summary>餐饮垃圾, catering waste from canteens and restaurants (W96-C5, W96-K4).</summary>
    Catering = 1,

    /// <summary>大件垃圾, bulky waste (W96-C5).</summary>
    Bulky = 2,

    /// <summary>建筑（装潢）垃圾, construction and renovation waste (W96-C5).</summary>
    ConstructionAndRenovation = 3,
}
