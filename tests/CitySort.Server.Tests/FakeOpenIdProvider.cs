using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CitySort.Server.Tests;

/// <summary>
/// The smallest OpenID Connect provider the authorization code flow needs, on Kestrel at 127.0.0.1 with a free port:
/// a discovery document (OpenID Connect Discovery 1.0, section 3), the JSON Web Key Set of an RSA key made for this
/// run (RFC 7517), an authorization endpoint that signs in <see cref="NextSubject"/> without asking and sends the
/// browser back with a code and the state it got (OpenID Connect Core 1.0, 3.1.2), and a token endpoint that checks the
/// client, the redirect address and the PKCE verifier (RFC 7636, S256) and issues an RS256 ID token with the nonce of
/// the authorization request. With <see cref="TamperSignature"/> the ID token's signature is altered after signing.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    /// <summary>The client id the provider knows.</summary>
    public const string ClientId = "citysort-test";

    /// <summary>The client's secret.</summary>
    public const string ClientSecret = "test-client-secret-1234";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);

    private FakeOpenIdProvider(WebApplication app) => _app = app;

    /// <summary>The issuer, such as http://127.0.0.1:40123 (no trailing slash), also the authority.</summary>
    public Uri Issuer { get; private set; } = null!;

    /// <summary>The subject the next authorization request signs in.</summary>
    public string NextSubject { get; set; } = "nobody";

    /// <summary>
    /// Another issuer for the discovery document and the ID tokens to name than the provider's own address (a provider
    /// posing as another), or null for its own.
    /// </summary>
    public string? AdvertisedIssuer { get; set; }

    /// <summary>Whether the ID tokens issued from now on carry an altered signature.</summary>
    public bool TamperSignature { get; set; }

    /// <summary>The query of every authorization request, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> AuthorizationRequests { get; } = new();

    /// <summary>How many ID tokens were issued.</summary>
    public int TokensIssued => _tokensIssued;

    private int _tokensIssued;

    /// <summary>Starts the provider on 127.0.0.1 with a free port.</summary>
    public static async Task<FakeOpenIdProvider> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeOpenIdProvider(app);
        provider.Map(app);
        await app.StartAsync(cancellationToken);
        provider.Issuer = new Uri(CitySortServer.ListeningAddresses(app).First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return provider;
    }

    private string IssuerText => Issuer.GetLeftPart(UriPartial.Authority);

    private string AdvertisedIssuerText => AdvertisedIssuer ?? IssuerText;

    private void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = AdvertisedIssuerText,
            ["authorization_endpoint"] = IssuerText + "/authorize",
            ["token_endpoint"] = IssuerText + "/token",
            ["jwks_uri"] = IssuerText + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post" },
        }));
        app.MapGet("/jwks", () =>
        {
            var p = _key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key-1", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            AuthorizationRequests.Enqueue(query);
            if (query.GetValueOrDefault("client_id") != ClientId || query.GetValueOrDefault("response_type") != "code"
                || query.GetValueOrDefault("code_challenge_method") != "S256" || !query.TryGetValue("redirect_uri", out var redirect))
            {
                return Results.BadRequest("unexpected authorization request");
            }

            var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
            _grants[code] = new Grant(NextSubject, query.GetValueOrDefault("nonce"), query["code_challenge"], redirect);
            return Results.Redirect(redirect + "?code=" + Uri.EscapeDataString(code) + "&state=" + Uri.EscapeDataString(query.GetValueOrDefault("state") ?? string.Empty));
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || !_grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
            }

            var now = DateTime.UtcNow;
            var claims = new Dictionary<string, object> { ["sub"] = grant.Subject };
            if (grant.Nonce is not null)
            {
                claims["nonce"] = grant.Nonce;
            }

            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = AdvertisedIssuerText,
                Audience = ClientId,
                Claims = claims,
                IssuedAt = now,
                NotBefore = now,
                Expires = now.AddMinutes(5),
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = "test-key-1" }, SecurityAlgorithms.RsaSha256),
            });
            if (TamperSignature)
            {
                // The last part is the signature: another first character gives another signature of the same
                // length, which the key does not verify.
                var dot = idToken.LastIndexOf('.') + 1;
                idToken = idToken[..dot] + (idToken[dot] == 'A' ? 'B' : 'A') + idToken[(dot + 1)..];
            }

            Interlocked.Increment(ref _tokensIssued);
            return Results.Json(new { access_token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24)), token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private sealed record Grant(string Subject, string? Nonce, string CodeChallenge, string RedirectUri);
}
