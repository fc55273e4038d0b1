using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitySort.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "Streets",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "Districts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "DedicatedLines",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "DailyPlans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsIllustrative",
                table: "Communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Demo records seeded before this migration carry Source 'demo': mark them illustrative.
            migrationBuilder.Sql("UPDATE \"Districts\" SET \"IsIllustrative\" = 1 WHERE \"Source\" = 'demo'");
            migrationBuilder.Sql("UPDATE \"Streets\" SET \"IsIllustrative\" = 1 WHERE \"Source\" = 'demo'");
            migrationBuilder.Sql("UPDATE \"Sites\" SET \"IsIllustrative\" = 1 WHERE \"Source\" = 'demo'");
            migrationBuilder.Sql("UPDATE \"Vehicles\" SET \"Source\" = 'demo' WHERE \"IsIllustrative\" = 1");
            migrationBuilder.Sql("UPDATE \"DedicatedLines\" SET \"Source\" = 'demo' WHERE \"IsIllustrative\" = 1");
            migrationBuilder.Sql("UPDATE \"DailyPlans\" SET \"IsIllustrative\" = 1 WHERE \"Id\" IN (SELECT t.\"DailyPlanId\" FROM \"PlannedTrips\" t JOIN \"Vehicles\" v ON v.\"Plate\" = t.\"VehiclePlate\" WHERE v.\"IsIllustrative\" = 1)");

            migrationBuilder.CreateTable(
                name: "RegistrySettings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
