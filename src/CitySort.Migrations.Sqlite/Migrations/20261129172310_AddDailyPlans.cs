using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitySort.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddDailyPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DailyPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfileId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ProfileVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlannedAtUtc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DepotName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepotLongitude = table.Column<double>(type: "REAL", nullable: false),
                    DepotLatitude = table.Column<double>(type: "REAL", nullable: false),
                    ShiftStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ShiftEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    VehicleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CapacityKg = table.Column<int>(type: "INTEGER", nullable: false),
                    DueSiteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalLoadKg = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalDistanceMetres = table.Column<long>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlannedTrips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DailyPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    VehiclePlate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VehicleTrip = table.Column<int>(type: "INTEGER", nullable: false),
                    FacilityCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FacilityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FacilityLongitude = table.Column<double>(type: "REAL", nullable: false),
                    FacilityLatitude = table.Column<double>(type: "REAL", nullable: false),
                    LoadKg = table.Column<long>(type: "INTEGER", nullable: false),
                    DistanceMetres = table.Column<long>(type: "INTEGER", nullable: false),
                    DepartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    UnloadsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    UnloadedAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ReturnsToDepotAt = table.Column<TimeOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedTrips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedTrips_DailyPlans_DailyPlanId",
                        column: x => x.DailyPlanId,
                        principalTable: "DailyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnservedSites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DailyPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SiteName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    DemandKg = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnservedSites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnservedSites_DailyPlans_DailyPlanId",
                        column: x => x.DailyPlanId,
                        principalTable: "DailyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlannedStops",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlannedTripId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SiteName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    DemandKg = table.Column<long>(type: "INTEGER", nullable: false),
                    ArrivesAt = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlannedStops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlannedStops_PlannedTrips_PlannedTripId",
                        column: x => x.PlannedTripId,
                        principalTable: "PlannedTrips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DailyPlans_Date_AreaCode_Category",
                table: "DailyPlans",
                columns: new[] { "Date", "AreaCode", "Category" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlannedStops_PlannedTripId",
                table: "PlannedStops",
                column: "PlannedTripId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedStops_SiteCode",
                table: "PlannedStops",
                column: "SiteCode");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedTrips_DailyPlanId",
                table: "PlannedTrips",
                column: "DailyPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlannedTrips_VehiclePlate",
                table: "PlannedTrips",
                column: "VehiclePlate");

            migrationBuilder.CreateIndex(
                name: "IX_UnservedSites_DailyPlanId",
                table: "UnservedSites",
                column: "DailyPlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlannedStops");

            migrationBuilder.DropTable(
                name: "UnservedSites");

            migrationBuilder.DropTable(
                name: "PlannedTrips");

            migrationBuilder.DropTable(
                name: "DailyPlans");
        }
    }
}
