namespace CitySort.Security;

/// <summary>The outcome of creating a user account: the account, or every reason it was refused (in both languages).</summary>
/// <param name="Account">The account created, or null when refused.</param>
/// <param name="Problems">Why it was refused (Chinese, English); empty on success.</param>
public sealed record UserAccountResult(UserAccount? Account, IReadOnlyList<(string Zh, string En)> Problems)
{
    /// <summary>Whether the account was created.</summary>
    public bool Succeeded => Account is not null;
}
