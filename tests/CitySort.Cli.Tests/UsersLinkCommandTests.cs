namespace CitySort.Cli.Tests;

/// <summary>
/// <c>citysort users link</c> and <c>users unlink</c> (docs/security.md, "Single sign-on"): an identity of the city's
/// single sign-on is linked to an account an administrator made, once, and to one account only.
/// </summary>
public sealed class UsersLinkCommandTests
{
    private const string Password = "a-long-enough-test-password";

    [Fact]
    public async Task An_identity_is_linked_to_one_existing_account_and_a_second_link_or_an_unknown_account_is_refused()
    {
        using var dir = new ScratchDirectory();
        var db = dir.File("citysort.db");
        var none = new Dictionary<string, string>();
        Assert.Equal(0, (await Cli.RunWithInputAsync(dir.Path, Password, none, "users", "add", "--role", "officer", "--name", "wang.li", "--db", db)).ExitCode);
        Assert.Equal(0, (await Cli.RunWithInputAsync(dir.Path, Password, none, "users", "add", "--role", "inspector", "--name", "chen.yu", "--db", db)).ExitCode);

        var linked = await Cli.RunAsync(dir.Path, "users", "link", "--name", "wang.li", "--sso-key", "sub-0001", "--db", db);
        var again = await Cli.RunAsync(dir.Path, "users", "link", "--name", "chen.yu", "--sso-key", "sub-0001", "--db", db);
        var ghost = await Cli.RunAsync(dir.Path, "users", "link", "--name", "nobody", "--sso-key", "sub-0002", "--db", db);
        var wrongUnlink = await Cli.RunAsync(dir.Path, "users", "unlink", "--name", "chen.yu", "--sso-key", "sub-0001", "--db", db);
        var unlinked = await Cli.RunAsync(dir.Path, "users", "unlink", "--name", "wang.li", "--sso-key", "sub-0001", "--db", db);
        var relinked = await Cli.RunAsync(dir.Path, "users", "link", "--name", "chen.yu", "--sso-key", "sub-0001", "--db", db);

        Assert.True(linked.ExitCode == 0, linked.Error);
        Assert.Contains("sub-0001", linked.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already linked to another account: wang.li", again.Error, StringComparison.Ordinal);
        Assert.Contains("已关联到另一个账户", again.Error, StringComparison.Ordinal);
        Assert.Equal(1, ghost.ExitCode);
        Assert.Contains("There is no account of this user name.", ghost.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongUnlink.ExitCode);
        Assert.True(unlinked.ExitCode == 0, unlinked.Error);
        Assert.True(relinked.ExitCode == 0, relinked.Error);
    }
}
