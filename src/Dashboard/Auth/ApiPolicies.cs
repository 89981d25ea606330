namespace Lotte.Dashboard.Auth;

/// <summary>Authorization policies of the service API (bearer API keys with scopes).</summary>
public static class ApiPolicies
{
    public const string Assign = "api:assign";
    public const string Ingest = "api:ingest";
    public const string ScopeClaim = "scope";
}
