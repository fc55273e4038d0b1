using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CitySort.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddViolations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Violations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ClauseId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BusinessDay = table.Column<DateOnly>(type: "date", nullable: false),
                    VehiclePlate = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SiteCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    FacilityCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DistrictCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DescriptionZh = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsIllustrative = table.Column<bool>(type: "boolean", nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Violations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ViolationEvidence",
                columns: table => new
                {
                    ViolationId = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EventId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DeviceTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ViolationEvidence", x => new { x.ViolationId, x.Ordinal });
                    table.ForeignKey(
                        name: "FK_ViolationEvidence_Violations_ViolationId",
                        column: x => x.ViolationId,
                        principalTable: "Violations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ViolationEvidence_DeviceId_EventId",
                table: "ViolationEvidence",
                columns: new[] { "DeviceId", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_Violations_BusinessDay_Kind",
                table: "Violations",
                columns: new[] { "BusinessDay", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Violations_Key",
                table: "Violations",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Violations_Status",
                table: "Violations",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Violations_VehiclePlate_BusinessDay",
                table: "Violations",
                columns: new[] { "VehiclePlate", "BusinessDay" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ViolationEvidence");

            migrationBuilder.DropTable(
                name: "Violations");
        }
    }
}
