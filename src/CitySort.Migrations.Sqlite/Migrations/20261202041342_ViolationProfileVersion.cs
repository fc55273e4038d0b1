using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitySort.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ViolationProfileVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProfileId",
                table: "Violations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProfileVersion",
                table: "Violations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProfileId",
                table: "Violations");

            migrationBuilder.DropColumn(
                name: "ProfileVersion",
                table: "Violations");
        }
    }
}
