namespace Lotte.OidcProvider;

/// <summary>The fields posted by the login form.</summary>
public sealed record LoginForm(string? Username, string? Password, string? ReturnUrl);
