namespace Lotte.Core.ApiKeys;

/// <summary>What a service's API key may do.</summary>
[Flags]
public enum ApiKeyScopes
{
    None = 0,
    Assign = 1,
    Ingest = 2,
}
