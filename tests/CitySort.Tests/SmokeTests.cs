namespace CitySort.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Waste_categories_number_one_to_four_as_in_W96_C()
    {
        Assert.Equal([1, 2, 3, 4], Enum.GetValues<CitySort.Registry.WasteCategory>().Select(c => (int)c));
    }
}
