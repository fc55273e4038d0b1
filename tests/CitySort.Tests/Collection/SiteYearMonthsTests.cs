using CitySort.Collection;
using CitySort.Registry;

namespace CitySort.Tests.Collection;

public sealed class SiteYearMonthsTests
{
    [Fact]
    public void Each_month_reads_its_own_five_bits_of_the_packed_counts()
    {
        // Month m holds bits 5 × (m − 1) .. 5 × (m − 1) + 4: January 3 recyclable days = 3 << 0; December 31 other
        // days = 31 << 55, of which 17 cleared = 17 << 55; February 1 kitchen day = 1 << 5.
        var year = SiteYearMonths.FromCounts(2015, "S1", recyclable: 3, hazardous: 0, other: 31L << 55, kitchen: 1L << 5, cleared: 17L << 55);

        Assert.Equal(KpiSiteBasis.Bit(WasteCategory.Recyclable), year.CollectedMask(1));
        Assert.Equal(KpiSiteBasis.Bit(WasteCategory.Kitchen), year.CollectedMask(2));
        Assert.Equal(0, year.CollectedMask(6));
        Assert.Equal(KpiSiteBasis.Bit(WasteCategory.Other), year.CollectedMask(12));
        Assert.Equal((0, 17), (year.ClearedDays(1), year.ClearedDays(12)));
        Assert.Equal(31, SiteYearMonths.Of(year.OtherDays, 12));
    }
}
