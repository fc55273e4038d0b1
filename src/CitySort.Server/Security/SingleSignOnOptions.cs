namespace CitySort.Server.Security;

/// <summary>
/// The city's own single sign-on (an OpenID Connect provider), offered beside the password sign-in when configured
/// (<c>Oidc:*</c> settings, docs/operations.md). A signed-in identity is only a proof of who someone is: it gets into
/// CitySort only when an administrator has linked its <see cref="UserClaim"/> value to an existing account
/// (<c>citysort users link</c>), and the role and scope are that account's (docs/security.md, "Single sign-on").
/// </summary>
public sealed record SingleSignOnOptions
{
    /// <summary>The scopes asked for when none are configured.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "profile"];

    /// <summary>The claim of the ID token that names the user when none is configured: the subject, which the provider never reassigns.</summary>
    public const string DefaultUserClaim = "sub";

    /// <summary>
    /// The provider's issuer address, such as <c>https://sso.wenzhou.example/realms/city</c>; its discovery document is
    /// read from <c>/.well-known/openid-configuration</c> below it. HTTPS unless <see cref="RequireHttpsMetadata"/> is false.
    /// </summary>
    public required Uri Authority { get; init; }

    /// <summary>The client id CitySort is registered under at the provider.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret, or null for a public client (PKCE alone). Never shown by <c>--show-config</c>.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The scopes to ask for (<c>openid</c> is always among them); default <see cref="DefaultScopes"/>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = DefaultScopes;

    /// <summary>
    /// The ID token claim whose value is looked up among the linked logins (default <see cref="DefaultUserClaim"/>);
    /// a claim the provider may give to another person later (an e-mail address, a display name) should not be used.
    /// </summary>
    public string UserClaim { get; init; } = DefaultUserClaim;

    /// <summary>
    /// Whether the discovery document and keys must come over HTTPS. Null (the default) means true, except for an
    /// authority on the loopback interface (127.0.0.1, ::1, localhost), which never leaves the host.
    /// </summary>
    public bool? RequireHttpsMetadata { get; init; }

    /// <summary>Whether metadata must be fetched over HTTPS: <see cref="RequireHttpsMetadata"/>, else true unless <see cref="Authority"/> is loopback.</summary>
    public bool HttpsMetadataRequired => RequireHttpsMetadata ?? !Authority.IsLoopback;
}
