namespace Lotte.Core.ApiKeys;

/// <summary>A new key and its secret token. The token exists only here: it is shown once and never stored.</summary>
public sealed record CreatedApiKey(ApiKeyIdentity Identity, string Token);
