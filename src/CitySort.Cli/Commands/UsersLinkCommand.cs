using System.CommandLine;
using CitySort.Security;
using CitySort.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CitySort.Cli.Commands;

/// <summary>
/// <c>citysort users link --name NAME --sso-key KEY</c> and <c>users unlink --name NAME --sso-key KEY</c>, each with
/// <c>[--db PATH | --postgres CONNSTRING]</c>: links (or unlinks) an identity of the city's single sign-on, by the
/// value of its user claim (the subject by default), to an existing account, whose role and scope it then signs in
/// with (<see cref="ExternalLogins"/>, docs/security.md). Exit 0 on success, 1 when refused (the reasons in Chinese
/// and English), 2 on usage errors.
/// </summary>
internal static class UsersLinkCommand
{
    /// <summary>Creates <c>users link</c>.</summary>
    public static Command Link() => Create("link", "Link an identity of the city's single sign-on to an existing account (which keeps its role and scope).", unlink: false);

    /// <summary>Creates <c>users unlink</c>.</summary>
    public static Command Unlink() => Create("unlink", "Remove the link of a single sign-on identity from an account.", unlink: true);

    private static Command Create(string name, string description, bool unlink)
    {
        var user = new Option<string>("--name") { Description = "The CitySort user name.", Required = true };
        var key = new Option<string>("--sso-key") { Description = "The identity's value of the configured user claim (Oidc:UserClaim, by default the subject 'sub' of its ID token).", Required = true };
        var database = new ImportDatabase();
        var command = new Command(name, description) { user, key };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var storage = database.Resolve(parse, out var usageError);
            if (storage is null)
            {
                await Console.Error.WriteLineAsync(usageError);
                return 2;
            }

            await using var services = await UsersCommand.OpenAsync(storage, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var logins = scope.ServiceProvider.GetRequiredService<ExternalLogins>();
            var userName = parse.GetValue(user)!;
            var identity = parse.GetValue(key)!;
            var problems = unlink
                ? await logins.UnlinkAsync(userName, identity, cancellationToken)
                : await logins.LinkAsync(userName, identity, cancellationToken);
            if (problems.Count > 0)
            {
                return await UsersCommand.RefusedAsync(unlink ? "Nothing was unlinked / 未解除关联:" : "Nothing was linked / 未关联:", problems);
            }

            Console.WriteLine((unlink ? "Unlinked " : "Linked ") + "single sign-on identity " + identity.Trim() + (unlink ? " from " : " to ") + userName.Trim() + ".");
            return 0;
        });
        return command;
    }
}
