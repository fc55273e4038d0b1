using CitySort.Collection;
using CitySort.Collection.Live;
using CitySort.Registry;

namespace CitySort.Tests.Collection.Live;

/// <summary>The latest-fix rule of the live map (issue 9, item 6): a vehicle shows its fix with the latest device time.</summary>
public sealed class VehiclePositionBoardTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static GpsFixEvent Fix(string id, string plate, DateTimeOffset at, double longitude, double latitude = 28.0) =>
        new(id, "obu-" + plate, at, true, plate, new EventPoint(longitude, latitude, CoordinateDatum.Wgs84), 30, 90);

    private static DateTimeOffset At(int hour, int minute, int second = 0) => new(2015, 12, 1, hour, minute, second, Shanghai);

    [Fact]
    public void A_later_fix_moves_the_vehicle()
    {
        var board = new VehiclePositionBoard();
        board.Apply([Fix("g1", "浙C00001", At(7, 30), 120.60)]);

        var moved = board.Apply([Fix("g2", "浙C00001", At(7, 30, 5), 120.61)]);

        var position = Assert.Single(moved);
        Assert.Equal(120.61, position.Longitude);
        Assert.Equal(120.61, Assert.Single(board.Snapshot()).Longitude);
    }

    [Fact]
    public void A_late_older_fix_never_moves_the_vehicle_backwards()
    {
        var board = new VehiclePositionBoard();
        board.Apply([Fix("g2", "浙C00001", At(7, 30, 5), 120.61)]);

        // 07:30:00 arrives after 07:30:05 (a GPS batch re-sent late): it is older, so the vehicle stays at 120.61.
        var moved = board.Apply([Fix("g1", "浙C00001", At(7, 30), 120.60)]);

        Assert.Empty(moved);
        var position = Assert.Single(board.Snapshot());
        Assert.Equal(120.61, position.Longitude);
        Assert.Equal(At(7, 30, 5), position.DeviceTime);
    }

    [Fact]
    public void Device_times_are_compared_as_instants_whatever_their_offsets()
    {
        var board = new VehiclePositionBoard();
        board.Apply([Fix("g1", "浙C00001", At(8, 0), 120.60)]);

        // 00:01Z is 08:01 in Shanghai: one minute later than the fix held, although its clock reads earlier.
        var moved = board.Apply([Fix("g2", "浙C00001", new DateTimeOffset(2015, 12, 1, 0, 1, 0, TimeSpan.Zero), 120.62)]);

        Assert.Equal(120.62, Assert.Single(moved).Longitude);
    }

    [Fact]
    public void A_second_fix_of_the_same_instant_does_not_make_the_vehicle_jump()
    {
        var board = new VehiclePositionBoard();
        board.Apply([Fix("g1", "浙C00001", At(7, 30), 120.60)]);

        var moved = board.Apply([Fix("g1b", "浙C00001", At(7, 30), 120.70)]);

        Assert.Empty(moved);
        Assert.Equal(120.60, Assert.Single(board.Snapshot()).Longitude);
    }

    [Fact]
    public void Within_one_batch_each_vehicle_is_reported_once_at_its_newest_fix()
    {
        var board = new VehiclePositionBoard();

        var moved = board.Apply(
        [
            Fix("a2", "浙C00002", At(7, 0, 10), 120.52),
            Fix("b1", "浙C00001", At(7, 0, 0), 120.60),
            Fix("a1", "浙C00002", At(7, 0, 0), 120.50),
            Fix("a3", "浙C00002", At(7, 0, 20), 120.53),
        ]);

        // 浙C00002: 07:00:10 then 07:00:20 (07:00:00 is older and ignored) → 120.53; 浙C00001 once at 120.60; first-seen order.
        Assert.Equal(["浙C00002", "浙C00001"], moved.Select(p => p.Plate));
        Assert.Equal(120.53, moved[0].Longitude);
        Assert.Equal(["浙C00001", "浙C00002"], board.Snapshot().Select(p => p.Plate));
    }

    [Fact]
    public void Events_other_than_gps_fixes_leave_the_board_alone()
    {
        var board = new VehiclePositionBoard();
        var pickup = new PickupEvent("p1", "obu", At(7, 0), true, "浙C00001", "LC-RC-0001", null, WasteCategory.Other, null, 120m,
            new EventPoint(120.6, 28.0, CoordinateDatum.Wgs84));

        Assert.Empty(board.Apply([pickup]));
        Assert.Empty(board.Snapshot());
    }

    [Fact]
    public void The_position_carries_the_fix_speed_heading_and_illustrative_flag()
    {
        var position = VehiclePosition.From(Fix("g1", "浙C00001", At(7, 30), 120.60, 28.01));

        Assert.Equal(new VehiclePosition("浙C00001", At(7, 30), 120.60, 28.01, 30, 90, true), position);
    }
}
