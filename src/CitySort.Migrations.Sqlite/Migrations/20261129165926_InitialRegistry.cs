using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitySort.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Districts",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BoundaryGeoJson = table.Column<string>(type: "TEXT", nullable: true),
                    BoundarySourceDatum = table.Column<int>(type: "INTEGER", nullable: true),
                    BoundaryIsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    BoundarySource = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    MinLongitude = table.Column<double>(type: "REAL", nullable: true),
                    MinLatitude = table.Column<double>(type: "REAL", nullable: true),
                    MaxLongitude = table.Column<double>(type: "REAL", nullable: true),
                    MaxLatitude = table.Column<double>(type: "REAL", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Districts", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Facilities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedCategories = table.Column<string>(type: "TEXT", nullable: false),
                    AcceptedStreams = table.Column<string>(type: "TEXT", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    SourceDatum = table.Column<int>(type: "INTEGER", nullable: false),
                    GateFeeYuanPerTonne = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    DailyCapacityTonnes = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Clause = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facilities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Haulers",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Franchise = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Haulers", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Streets",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Streets", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Streets_Districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "Districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DedicatedLines",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: true),
                    Stream = table.Column<int>(type: "INTEGER", nullable: true),
                    FacilityCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    VehiclePlate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DedicatedLines", x => x.Code);
                    table.ForeignKey(
                        name: "FK_DedicatedLines_Districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "Districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DedicatedLines_Facilities_FacilityCode",
                        column: x => x.FacilityCode,
                        principalTable: "Facilities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vehicles",
                columns: table => new
                {
                    Plate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HaulerCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DedicatedCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    DedicatedStream = table.Column<int>(type: "INTEGER", nullable: true),
                    CapacityKg = table.Column<int>(type: "INTEGER", nullable: false),
                    CapacityCubicMetres = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Sealed = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsIllustrative = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vehicles", x => x.Plate);
                    table.ForeignKey(
                        name: "FK_Vehicles_Districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "Districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vehicles_Haulers_HaulerCode",
                        column: x => x.HaulerCode,
                        principalTable: "Haulers",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Communities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StreetCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communities", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Communities_Streets_StreetCode",
                        column: x => x.StreetCode,
                        principalTable: "Streets",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    StreetCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    SourceDatum = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: true),
                    Staff = table.Column<int>(type: "INTEGER", nullable: true),
                    Floors = table.Column<int>(type: "INTEGER", nullable: false),
                    HasPropertyManagement = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasCanteen = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsWetDryPilot = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsBaggedZone = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsKitchenWasteHeavy = table.Column<bool>(type: "INTEGER", nullable: false),
                    CollectedSorted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Sites_Communities_CommunityCode",
                        column: x => x.CommunityCode,
                        principalTable: "Communities",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sites_Districts_DistrictCode",
                        column: x => x.DistrictCode,
                        principalTable: "Districts",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Sites_Streets_StreetCode",
                        column: x => x.StreetCode,
                        principalTable: "Streets",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Bins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: true),
                    Stream = table.Column<int>(type: "INTEGER", nullable: true),
                    Placement = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    VolumeLitres = table.Column<int>(type: "INTEGER", nullable: false),
                    Bagged = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bins_Sites_SiteCode",
                        column: x => x.SiteCode,
                        principalTable: "Sites",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DedicatedLineStops",
                columns: table => new
                {
                    LineCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    SiteCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DedicatedLineStops", x => new { x.LineCode, x.Sequence });
                    table.ForeignKey(
                        name: "FK_DedicatedLineStops_DedicatedLines_LineCode",
                        column: x => x.LineCode,
                        principalTable: "DedicatedLines",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DedicatedLineStops_Sites_SiteCode",
                        column: x => x.SiteCode,
                        principalTable: "Sites",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bins_SiteCode",
                table: "Bins",
                column: "SiteCode");

            migrationBuilder.CreateIndex(
                name: "IX_Communities_StreetCode",
                table: "Communities",
                column: "StreetCode");

            migrationBuilder.CreateIndex(
                name: "IX_DedicatedLines_DistrictCode",
                table: "DedicatedLines",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_DedicatedLines_FacilityCode",
                table: "DedicatedLines",
                column: "FacilityCode");

            migrationBuilder.CreateIndex(
                name: "IX_DedicatedLineStops_SiteCode",
                table: "DedicatedLineStops",
                column: "SiteCode");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_CommunityCode",
                table: "Sites",
                column: "CommunityCode");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_DistrictCode_Type",
                table: "Sites",
                columns: new[] { "DistrictCode", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Sites_StreetCode",
                table: "Sites",
                column: "StreetCode");

            migrationBuilder.CreateIndex(
                name: "IX_Streets_DistrictCode",
                table: "Streets",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_Vehicles_DistrictCode",
                table: "Vehicles",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_Vehicles_HaulerCode",
                table: "Vehicles",
                column: "HaulerCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Bins");

            migrationBuilder.DropTable(
                name: "DedicatedLineStops");

            migrationBuilder.DropTable(
                name: "Vehicles");

            migrationBuilder.DropTable(
                name: "DedicatedLines");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropTable(
                name: "Haulers");

            migrationBuilder.DropTable(
                name: "Facilities");

            migrationBuilder.DropTable(
                name: "Communities");

            migrationBuilder.DropTable(
                name: "Streets");

            migrationBuilder.DropTable(
                name: "Districts");
        }
    }
}
