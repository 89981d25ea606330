using Lotte.Core.ApiKeys;
using Lotte.Core.Persistence;

namespace Lotte.Dashboard.Hosting;

/// <summary>
/// One-shot operator commands of the dashboard binary (settings come from the environment, as for the app):
/// <list type="bullet">
/// <item><c>migrate</c>: apply pending database migrations and exit (the production way to upgrade the schema).</item>
/// <item><c>api-key create NAME assign,ingest</c>: create a service key and print its token, once.</item>
/// <item><c>api-key list</c>, <c>api-key revoke PREFIX</c>.</item>
/// </list>
/// </summary>
public static class DashboardCommands
{
    private const string Operator = "operator (command line)";
    private static readonly string[] Commands = ["migrate", "api-key"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    /// <summary>A command's own arguments are not host settings.</summary>
    public static string[] WithoutCommand(string[] args) => IsCommand(args) ? [] : args;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        return args[0] == "migrate" ? 0 : await ApiKeyAsync(app.Services.GetRequiredService<ApiKeyService>(), args[1..]);
    }

    private static async Task<int> ApiKeyAsync(ApiKeyService keys, string[] args)
    {
        switch (args)
        {
            case ["create", var name, var scopes] when TryParseScopes(scopes, out var parsed):
                var created = await keys.CreateAsync(name, parsed, Operator);
                Console.WriteLine($"Created API key {created.Identity.Prefix} ({name}, scopes {parsed}). The token is shown only now:");
                Console.WriteLine(created.Token);
                return 0;
            case ["list"]:
                foreach (var key in await keys.ListAsync())
                {
                    Console.WriteLine($"{key.Prefix}  {key.Name,-30} {key.Scopes,-14} created {key.CreatedAt:u}{(key.RevokedAt is { } at ? $"  REVOKED {at:u}" : "")}");
                }

                return 0;
            case ["revoke", var prefix]:
                var revoked = await keys.RevokeAsync(prefix, Operator);
                Console.WriteLine(revoked ? $"Revoked {prefix}." : $"No active key with prefix {prefix}.");
                return revoked ? 0 : 1;
            default:
                await Console.Error.WriteLineAsync("usage: api-key create NAME assign|ingest|assign,ingest | api-key list | api-key revoke PREFIX");
                return 2;
        }
    }

    private static bool TryParseScopes(string text, out ApiKeyScopes scopes)
    {
        scopes = ApiKeyScopes.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            scopes |= part switch
            {
                "assign" => ApiKeyScopes.Assign,
                "ingest" => ApiKeyScopes.Ingest,
                _ => ApiKeyScopes.None,
            };
        }

        return scopes != ApiKeyScopes.None;
    }
}
