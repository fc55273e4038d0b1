using System.CommandLine;
using System.Globalization;
using CitySort.Collection;
using CitySort.Collection.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort devices add --id ID --kind vehicle|weighbridge|inspector [--plate P] [--facility CODE] [--time-zone ZONE]</c>
/// (prints the generated secret once), <c>devices list</c> and <c>devices revoke ID</c>, each with
/// <c>[--db PATH | --postgres CONNSTRING]</c>. Exit 0 on success, 1 when the registration is refused or the device is
/// unknown (the reasons printed), 2 on usage errors.
/// </summary>
internal static class DevicesCommand
{
    /// <summary>Creates the command with its three subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("devices", "Register, list and revoke the devices that send events (MQTT username/password, HTTP device key).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command Add()
    {
        var id = new Option<string>("--id") { Description = "The device id (1-64 letters, digits, '.', '_', '-'): the MQTT username and the X-Device-Id.", Required = true };
        var kind = new Option<string>("--kind") { Description = "vehicle, weighbridge or inspector.", Required = true };
        kind.AcceptOnlyFromAmong("vehicle", "weighbridge", "inspector");
        var plate = new Option<string?>("--plate") { Description = "The plate of the vehicle (vehicle devices)." };
        var facility = new Option<string?>("--facility") { Description = "The code of the facility (weighbridges)." };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone of the device's times without an offset (default Asia/Shanghai)." };
        var database = new ImportDatabase();
        var command = new Command("add", "Register a device and print its secret (shown this once; only its hash is stored).") { id, kind, plate, facility, zone };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = database.Resolve(parse, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            var deviceKind = parse.GetValue(kind) switch
            {
                "vehicle" => DeviceKind.Vehicle,
                "weighbridge" => DeviceKind.Weighbridge,
                _ => DeviceKind.Inspector,
            };
            await using var services = await ImportDatabase.OpenAsync(storage, cancellationToken);
            var result = await services.GetRequiredService<DeviceService>().AddAsync(
                new DeviceRegistration(parse.GetValue(id)!, deviceKind, parse.GetValue(plate), parse.GetValue(facility), parse.GetValue(zone)), cancellationToken);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync("The device was not registered / 设备未登记:");
                foreach (var problem in result.Problems)
                {
                    await Console.Error.WriteLineAsync("  " + problem);
                }

                return 1;
            }

            var device = result.Device!;
            Console.WriteLine($"Registered {Describe(device)}.");
            Console.WriteLine("Secret (shown once, store it in the device; only its hash is kept) / 密钥（仅显示一次）:");
            Console.WriteLine(result.Secret);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var database = new ImportDatabase();
        var command = new Command("list", "List the registered devices (secrets are never shown).");
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = database.Resolve(parse, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            await using var services = await ImportDatabase.OpenAsync(storage, cancellationToken);
            var devices = await services.GetRequiredService<DeviceService>().ListAsync(cancellationToken);
            Console.WriteLine("id\tkind\tplate\tfacility\ttime zone\tcreated (UTC)\trevoked (UTC)");
            foreach (var d in devices)
            {
                Console.WriteLine(string.Join('\t',
                    d.Id, Kind(d.Kind), d.VehiclePlate ?? "-", d.FacilityCode ?? "-", d.TimeZoneId ?? DeviceIdentity.DefaultTimeZoneId,
                    Time(d.CreatedAt), d.RevokedAt is { } revoked ? Time(revoked) : "-"));
            }

            Console.WriteLine($"{devices.Count} device(s), {devices.Count(d => !d.IsRevoked)} active.");
            return 0;
        });
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("ID") { Description = "The device id." };
        var database = new ImportDatabase();
        var command = new Command("revoke", "Revoke a device: its secret stops working at its next connection or request.") { id };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = database.Resolve(parse, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            var deviceId = parse.GetValue(id)!;
            await using var services = await ImportDatabase.OpenAsync(storage, cancellationToken);
            switch (await services.GetRequiredService<DeviceService>().RevokeAsync(deviceId, cancellationToken))
            {
                case DeviceRevokeOutcome.Revoked:
                    Console.WriteLine($"Device {deviceId} revoked / 设备已注销.");
                    return 0;
                case DeviceRevokeOutcome.AlreadyRevoked:
                    Console.WriteLine($"Device {deviceId} was already revoked / 设备此前已注销.");
                    return 0;
                default:
                    await Console.Error.WriteLineAsync($"No device has the id '{deviceId}' / 没有编号为“{deviceId}”的设备.");
                    return 1;
            }
        });
        return command;
    }

    private static string Describe(Device d) => Kind(d.Kind) + " " + d.Id
        + (d.VehiclePlate is null ? string.Empty : " of vehicle " + d.VehiclePlate)
        + (d.FacilityCode is null ? string.Empty : " of facility " + d.FacilityCode)
        + " (times without an offset read in " + (d.TimeZoneId ?? DeviceIdentity.DefaultTimeZoneId) + ")";

    private static string Kind(DeviceKind kind) => kind.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
