using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CitySort.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistryRetirement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "Vehicles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Vehicles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "Sites",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Sites",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "Facilities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Facilities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetiredAt",
                table: "DedicatedLines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "DedicatedLines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Vehicles");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Vehicles");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "Facilities");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Facilities");

            migrationBuilder.DropColumn(
                name: "RetiredAt",
                table: "DedicatedLines");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "DedicatedLines");
        }
    }
}
