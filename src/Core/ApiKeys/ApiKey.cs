namespace Lotte.Core.ApiKeys;

/// <summary>
/// A service's API key. Only a hash of the secret is stored; the secret is shown once at creation.
/// The prefix identifies the key in lists and logs without revealing it.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public byte[] SecretHash { get; set; } = [];
    public ApiKeyScopes Scopes { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
