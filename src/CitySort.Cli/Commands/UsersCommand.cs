using System.CommandLine;
using System.Globalization;
using System.Text;
using CitySort.Security;
using CitySort.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort users add --role ROLE --name NAME [--district CODE ...] [--hauler CODE]</c> (the password is read from
/// standard input when it is redirected, else asked twice at the terminal without echo; never from the command line)
/// <c>users list</c>, <c>users set NAME [--role ROLE] [--district CODE ...] [--hauler CODE]</c>, <c>users disable NAME</c>
/// and <c>users enable NAME</c>, each with <c>[--db PATH | --postgres CONNSTRING]</c>. Exit 0 on success, 1 when the account
/// is refused (the reasons printed in Chinese and English), 2 on usage errors.
/// </summary>
internal static class UsersCommand
{
    /// <summary>Creates the command with its subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("users", "Create and list the user accounts that sign in to the dashboard and the API (docs/security.md).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(UsersLinkCommand.Link());
        command.Subcommands.Add(UsersLinkCommand.Unlink());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(Toggle("disable", enabled: false, "Disable an account: it can no longer sign in, and its sign-ins end at their next request."));
        command.Subcommands.Add(Toggle("enable", enabled: true, "Enable a disabled or locked account again."));
        return command;
    }

    private static Command Set()
    {
        var name = new Argument<string>("NAME") { Description = "The account's user name." };
        var role = new Option<string?>("--role") { Description = "The new role: admin, officer, district, hauler or inspector (kept when left out)." };
        var district = new Option<string[]>("--district") { Description = "A district code of a district officer's new scope (repeat for several; replaces the present ones).", AllowMultipleArgumentsPerToken = true };
        var hauler = new Option<string?>("--hauler") { Description = "The hauler code of a hauler account." };
        var command = new Command("set", "Change an account's role or scope; its sign-ins end at their next request, and the change is audited with before and after.") { name, role, district, hauler };
        return WithChange(command, parse =>
        {
            var districts = parse.GetValue(district);
            return new UserChange(parse.GetValue(name)!, parse.GetValue(role), districts is { Length: > 0 } ? districts : null, parse.GetValue(hauler));
        });
    }

    private static Command Toggle(string verb, bool enabled, string description)
    {
        var name = new Argument<string>("NAME") { Description = "The account's user name." };
        return WithChange(new Command(verb, description) { name }, parse => new UserChange(parse.GetValue(name)!, Enabled: enabled));
    }

    /// <summary>Adds the database options and the action that applies the change <paramref name="read"/> makes of the command line.</summary>
    private static Command WithChange(Command command, Func<ParseResult, UserChange> read)
    {
        var database = new ImportDatabase();
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = database.Resolve(parse, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            await using var services = await OpenAsync(storage, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().ChangeAsync(read(parse), cancellationToken);
            if (!result.Succeeded)
            {
                return await RefusedAsync("The account was not changed / 账户未修改:", result.Problems);
            }

            Console.WriteLine("Now " + Describe(result.Account!) + (result.Account!.Disabled ? ", disabled" : string.Empty) + ".");
            return 0;
        });
        return command;
    }

    private static Command Add()
    {
        var role = new Option<string>("--role") { Description = "admin (city administrator), officer (city officer), district (district officer), hauler or inspector.", Required = true };
        var name = new Option<string>("--name") { Description = "The user name to sign in with (1-64 characters, no spaces).", Required = true };
        var district = new Option<string[]>("--district") { Description = "A district code of a district officer's scope (repeat for several), such as 330302.", AllowMultipleArgumentsPerToken = true };
        var hauler = new Option<string?>("--hauler") { Description = "The hauler code of a hauler account." };
        var database = new ImportDatabase();
        var command = new Command("add", $"Create a user account; the password (at least {IdentitySetup.MinimumPasswordLength} characters, not a common one) is read from standard input or asked at the terminal.") { role, name, district, hauler };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = database.Resolve(parse, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            var password = await ReadPasswordAsync(cancellationToken);
            if (password is null)
            {
                await Console.Error.WriteLineAsync("The two passwords differ, or none was given / 两次输入的密码不一致或未输入密码.");
                return 1;
            }

            await using var services = await OpenAsync(storage, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(
                new NewUserAccount(parse.GetValue(name)!, parse.GetValue(role)!, password, parse.GetValue(district) ?? [], parse.GetValue(hauler)), cancellationToken);
            if (!result.Succeeded)
            {
                return await RefusedAsync("The account was not created / 账户未创建:", result.Problems);
            }

            Console.WriteLine("Created " + Describe(result.Account!) + ".");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var database = new ImportDatabase();
        var command = new Command("list", "List the user accounts with their roles and scopes (passwords are never shown).");
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = database.Resolve(parse, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            await using var services = await OpenAsync(storage, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var accounts = await scope.ServiceProvider.GetRequiredService<UserAccounts>().ListAsync(cancellationToken);
            Console.WriteLine("user\trole\tdistricts\thauler\tcreated (UTC)\tlocked until (UTC)\tstate");
            foreach (var a in accounts)
            {
                Console.WriteLine(string.Join('\t',
                    a.UserName, a.Role, a.DistrictCodes.Count > 0 ? string.Join(',', a.DistrictCodes) : "-", a.HaulerCode ?? "-",
                    Time(a.CreatedAt), a.Disabled ? "-" : a.LockedUntil is { } locked ? Time(locked) : "-", a.Disabled ? "disabled" : "enabled"));
            }

            Console.WriteLine($"{accounts.Count} account(s).");
            return 0;
        });
        return command;
    }

    /// <summary>Prints <paramref name="header"/> and each problem in Chinese and English to standard error.</summary>
    /// <returns>1, the exit code of a refused change.</returns>
    internal static async Task<int> RefusedAsync(string header, IEnumerable<(string Zh, string En)> problems)
    {
        await Console.Error.WriteLineAsync(header);
        foreach (var (zh, en) in problems)
        {
            await Console.Error.WriteLineAsync("  " + zh + " / " + en);
        }

        return 1;
    }

    /// <summary>The storage, logging and Identity stores over <paramref name="storage"/>, migrated.</summary>
    internal static async Task<ServiceProvider> OpenAsync(StorageOptions storage, CancellationToken cancellationToken)
    {
        var collection = new ServiceCollection().AddCitySortStorage(storage);
        collection.AddLogging();
        collection.AddCitySortIdentityStores();
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return services;
    }

    /// <summary>
    /// The password: the first line of standard input when it is redirected (a pipe or a file), else typed twice at the
    /// terminal without echo; null when none was given or the two differ.
    /// </summary>
    private static async Task<string?> ReadPasswordAsync(CancellationToken cancellationToken)
    {
        if (Console.IsInputRedirected)
        {
            var line = await Console.In.ReadLineAsync(cancellationToken);
            return string.IsNullOrEmpty(line) ? null : line;
        }

        var first = Prompt("Password / 密码: ");
        var second = Prompt("Again / 再次输入: ");
        return first.Length > 0 && first == second ? first : null;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }

    private static string Describe(UserAccount account) =>
        $"{account.UserName} ({account.Role}"
        + (account.DistrictCodes.Count > 0 ? ", districts " + string.Join(',', account.DistrictCodes) : string.Empty)
        + (account.HaulerCode is { } h ? ", hauler " + h : string.Empty) + ")";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
