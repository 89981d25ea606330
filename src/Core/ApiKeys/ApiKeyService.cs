using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Lotte.Core.Auditing;
using Lotte.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lotte.Core.ApiKeys;

/// <summary>
/// Creates, verifies and revokes services' API keys. Keys are cached per replica and prefix for
/// <see cref="CacheDuration"/>, so a revocation takes effect on every replica within that time. Each entry
/// also remembers the one token that last matched its hash, so a service's repeated requests skip SHA-256;
/// a forged token with a valid prefix is hashed and refused, and never remembered.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<LotteDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(10);

    /// <summary>Beyond this many cached prefixes, unknown prefixes are no longer remembered (random prefixes must not fill memory).</summary>
    public const int MaxCachedPrefixes = 10_000;

    private readonly ConcurrentDictionary<string, CachedKey> _byPrefix = new(StringComparer.Ordinal);

    public async Task<CreatedApiKey> CreateAsync(string name, ApiKeyScopes scopes, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (scopes == ApiKeyScopes.None)
        {
            throw new ArgumentException("A key needs at least one scope (assign, ingest).", nameof(scopes));
        }

        var (prefix, token) = ApiKeyToken.Generate();
        var now = time.GetUtcNow();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now), Name = name, Prefix = prefix, SecretHash = ApiKeyToken.Hash(token),
            Scopes = scopes, CreatedBy = createdBy, CreatedAt = now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        db.AuditLog.Add(Audit(now, createdBy, "apikey.created", key, null));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(new ApiKeyIdentity(key.Id, name, prefix, scopes), token);
    }

    public async Task<ApiKeyIdentity?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (ApiKeyToken.PrefixOf(token) is not { } prefix)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!_byPrefix.TryGetValue(prefix, out var cached) || now - cached.LoadedAt >= CacheDuration)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, cancellationToken);
            cached = new CachedKey(key is null ? null : new ApiKeyIdentity(key.Id, key.Name, key.Prefix, key.Scopes), key?.SecretHash, now);
            Remember(prefix, cached, now);
        }

        if (cached.Hash is null)
        {
            return null;
        }

        if (cached.VerifiedToken is { } verified && ApiKeyToken.FixedTimeEquals(verified, token))
        {
            return cached.Identity;
        }

        if (!CryptographicOperations.FixedTimeEquals(cached.Hash, ApiKeyToken.Hash(token)))
        {
            return null;
        }

        cached.VerifiedToken = token;
        return cached.Identity;
    }

    public async Task<bool> RevokeAsync(string prefix, string revokedBy, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        key.RevokedAt = now;
        db.AuditLog.Add(Audit(now, revokedBy, "apikey.revoked", key, null));
        await db.SaveChangesAsync(cancellationToken);
        _byPrefix.TryRemove(prefix, out _);
        return true;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    private static AuditEntry Audit(DateTimeOffset at, string actor, string action, ApiKey key, string? justification) => new()
    {
        At = at,
        ActorName = actor,
        Action = action,
        Subject = $"api key {key.Prefix} ({key.Name})",
        AfterJson = JsonSerializer.Serialize(new { key.Name, key.Prefix, Scopes = key.Scopes.ToString(), key.RevokedAt }),
        Justification = justification,
    };

    private void Remember(string prefix, CachedKey cached, DateTimeOffset now)
    {
        if (_byPrefix.Count >= MaxCachedPrefixes)
        {
            foreach (var (stalePrefix, stale) in _byPrefix)
            {
                if (now - stale.LoadedAt >= CacheDuration)
                {
                    _byPrefix.TryRemove(stalePrefix, out _);
                }
            }
        }

        if (cached.Identity is not null || _byPrefix.Count < MaxCachedPrefixes)
        {
            _byPrefix[prefix] = cached;
        }
    }

    private sealed record CachedKey(ApiKeyIdentity? Identity, byte[]? Hash, DateTimeOffset LoadedAt)
    {
        /// <summary>The token that matched <see cref="Hash"/>; a reference write, so racing requests at worst hash once more.</summary>
        public string? VerifiedToken { get; set; }
    }
}
