namespace CitySort.Security;

/// <summary>How an account was made, as the audit trail's <c>user-added</c> entry names it (docs/security.md, "Audit trail").</summary>
public static class UserAddedVia
{
    /// <summary>By <c>citysort users add</c> (or another caller of <see cref="UserAccounts.AddAsync(NewUserAccount, CancellationToken)"/>).</summary>
    public const string Command = "users-add";

    /// <summary>By the one-time set-up link of a first start, which is used up by it.</summary>
    public const string SetupLink = "setup-link";
}
