using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitySort.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class RegistryUpkeep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Vehicles",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "Streets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "Sites",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "Districts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "DedicatedLines",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "DailyPlans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "Communities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Demo records seeded before this migration carry Source 'demo': mark them illustrative.
            migrationBuilder.Sql("UPDATE \"Districts\" SET \"IsIllustrative\" = TRUE WHERE \"Source\" = 'demo'");
            migrationBuilder.Sql("UPDATE \"Streets\" SET \"IsIllustrative\" = TRUE WHERE \"Source\" = 'demo'");
            migrationBuilder.Sql("UPDATE \"Sites\" SET \"IsIllustrative\" = TRUE WHERE \"Source\" = 'demo'");
            migrationBuilder.Sql("UPDATE \"Vehicles\" SET \"Source\" = 'demo' WHERE \"IsIllustrative\"");
            migrationBuilder.Sql("UPDATE \"DedicatedLines\" SET \"Source\" = 'demo' WHERE \"IsIllustrative\"");
            migrationBuilder.Sql("UPDATE \"DailyPlans\" SET \"IsIllustrative\" = TRUE WHERE \"Id\" IN (SELECT t.\"DailyPlanId\" FROM \"PlannedTrips\" t JOIN \"Vehicles\" v ON v.\"Plate\" = t.\"VehiclePlate\" WHERE v.\"IsIllustrative\")");

            migrationBuilder.CreateTable(
                name: "RegistrySettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrySettings", x => x.Key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistrySettings");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Vehicles");

            migrationBuilder.DropColumn(
                name: "IsIllustrative",
                table: "Streets");

            migrationBuilder.DropColumn(
                name: "IsIllustrative",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "IsIllustrative",
                table: "Districts");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "DedicatedLines");

            migrationBuilder.DropColumn(
                name: "IsIllustrative",
                table: "DailyPlans");

            migrationBuilder.DropColumn(
                name: "IsIllustrative",
                table: "Communities");
        }
    }
}
