using CitySort.Planning;
using CitySort.Registry;

namespace CitySort.Tests.Planning;

/// <summary>Each reason the planner gives for an unserved site reads back into its code and its Chinese words.</summary>
public sealed class UnservedReasonTests
{
    public static TheoryData<string, string, string> Reasons() => new()
    {
        { UnservedReason.TooHeavy(6200, 5000), UnservedReason.TooHeavyCode, "点位待收 6200 千克，超过一辆车一趟所载的 5000 千克" },
        { UnservedReason.TooFar("17:00", "17:42"), UnservedReason.TooFarCode, "即使单独成趟，车辆也无法在 17:00 前到达、卸车并返回车场（将为 17:42）" },
        { UnservedReason.SearchLimit("2.5", 12, 3, WasteCategory.Kitchen, "17:00", 60), UnservedReason.SearchLimitCode, "在 2.5 秒的搜索时限内未找到可行方案：无法在收运离车场和设施更近的 12 个到期点位的同时安排该点位（本区域 3 辆厨余垃圾车，17:00 前返回，含 60 分钟用餐休息）" },
        { UnservedReason.SearchLimit("1", 0, 2, WasteCategory.Other, "16:30", null), UnservedReason.SearchLimitCode, "在 1 秒的搜索时限内未找到可行方案：无法在收运离车场和设施更近的 0 个到期点位的同时安排该点位（本区域 2 辆其他垃圾车，16:30 前返回）" },
        { UnservedReason.NoVehicle(WasteCategory.Hazardous), UnservedReason.NoVehicleCode, "本区域没有有害垃圾专用车辆" },
        { UnservedReason.NoFacility(WasteCategory.Kitchen, [SpecialStream.Catering]), UnservedReason.NoFacilityCode, "登记中没有接收厨余垃圾（连同餐饮垃圾）的设施" },
        { UnservedReason.NoFacility(WasteCategory.Other, []), UnservedReason.NoFacilityCode, "登记中没有接收其他垃圾的设施" },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void A_reason_of_the_planner_reads_back_into_its_code_and_Chinese(string reason, string code, string zhStart)
    {
        var (readCode, zh) = UnservedReason.Describe(reason);

        Assert.Equal(code, readCode);
        Assert.StartsWith(zhStart, zh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_site_gives_its_reason_code_and_Chinese_beside_the_English()
    {
        var site = new UnservedSite { SiteCode = "S-1", SiteName = "小区", Reason = UnservedReason.TooHeavy(6200, 5000) };

        Assert.Equal((UnservedReason.TooHeavyCode, "点位待收 6200 千克，超过一辆车一趟所载的 5000 千克"), (site.ReasonCode, site.ReasonZh));
    }

    [Fact]
    public void A_reason_this_version_does_not_know_is_kept_as_it_is()
    {
        Assert.Equal((UnservedReason.OtherCode, "closed for works"), UnservedReason.Describe("closed for works"));
    }
}
