using CitySort.Registry;

namespace CitySort.Collection.Violations;

/// <summary>What a pickup, a ticket or a vehicle's dedication carries: one category or one special stream.</summary>
/// <param name="Category">The category (W96-C1..C4), or null.</param>
/// <param name="Stream">The special stream (W96-C5), or null.</param>
public readonly record struct WasteLoad(WasteCategory? Category, SpecialStream? Stream)
{
    /// <summary>The English name, e.g. "other waste" or "catering waste".</summary>
    public string NameEn => Category switch
    {
        WasteCategory.Recyclable => "recyclables",
        WasteCategory.Hazardous => "hazardous waste",
        WasteCategory.Other => "other waste",
        WasteCategory.Kitchen => "kitchen waste",
        _ => Stream switch
        {
            SpecialStream.Catering => "catering waste",
            SpecialStream.Bulky => "bulky waste",
            SpecialStream.ConstructionAndRenovation => "construction and renovation waste",
            _ => "unknown waste",
        },
    };

    /// <summary>The Chinese name (STYLE.md terms), e.g. 其他垃圾.</summary>
    public string NameZh => Category switch
    {
        WasteCategory.Recyclable => "可回收物",
        WasteCategory.Hazardous => "有害垃圾",
        WasteCategory.Other => "其他垃圾",
        WasteCategory.Kitchen => "厨余垃圾",
        _ => Stream switch
        {
            SpecialStream.Catering => "餐饮垃圾",
            SpecialStream.Bulky => "大件垃圾",
            SpecialStream.ConstructionAndRenovation => "建筑（装潢）垃圾",
            _ => "未知垃圾",
        },
    };

    /// <summary>The load of a pickup.</summary>
    /// <param name="pickup">A pickup.</param>
    /// <returns>Its category or stream.</returns>
    public static WasteLoad Of(PickupEvent pickup)
    {
        ArgumentNullException.ThrowIfNull(pickup);
        return new WasteLoad(pickup.Category, pickup.Stream);
    }

    /// <summary>The declared load of a ticket.</summary>
    /// <param name="ticket">A weigh ticket.</param>
    /// <returns>Its declared category or stream.</returns>
    public static WasteLoad Of(WeighTicketEvent ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new WasteLoad(ticket.DeclaredCategory, ticket.DeclaredStream);
    }
}
