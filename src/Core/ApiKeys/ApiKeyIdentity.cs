namespace Lotte.Core.ApiKeys;

/// <summary>The service a valid API key belongs to.</summary>
public sealed record ApiKeyIdentity(Guid Id, string Name, string Prefix, ApiKeyScopes Scopes);
