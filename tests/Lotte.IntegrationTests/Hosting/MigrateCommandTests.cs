using System.Diagnostics;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Hosting;

public class MigrateCommandTests
{
    [Fact]
    public async Task MigrateCommand_EmptyDatabase_AppliesMigrationsAndExits()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var info = new ProcessStartInfo("dotnet", [DashboardProcess.BuiltAssemblyPath, "migrate"]) { RedirectStandardOutput = true };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Lotte"] = database.ConnectionString;
        TestPrivacyKeys.ApplyTo(info);

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, output);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Start_WithoutConnectionString_FailsNamingTheMissingSetting()
    {
        var (exitCode, output) = await StartInProductionAsync(new Dictionary<string, string>());

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings:Lotte is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InProductionWithoutOpenIdConnect_RefusesNamingTheSettings()
    {
        await using var database = await TestDatabase.CreateAsync();

        var (exitCode, output) = await StartInProductionAsync(new() { ["ConnectionStrings__Lotte"] = database.ConnectionString });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Sign-in is not configured: set Auth:Oidc:Authority, Auth:Oidc:ClientId and Auth:Oidc:ClientSecret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnIncompleteOidcConfiguration_NamesEveryMissingKeyInOneMessage()
    {
        await using var database = await TestDatabase.CreateAsync();

        var (exitCode, output) = await StartInProductionAsync(new()
        {
            ["ConnectionStrings__Lotte"] = database.ConnectionString,
            ["Auth__Oidc__Authority"] = "https://login.lotte.test/realms/ab",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("OpenID Connect sign-in is missing: Auth:Oidc:ClientId, Auth:Oidc:ClientSecret", output, StringComparison.Ordinal);
    }

    /// <summary>Starts the built dashboard in Production with the given environment variables; returns once it exits.</summary>
    private static async Task<(int ExitCode, string Output)> StartInProductionAsync(Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet", [DashboardProcess.BuiltAssemblyPath, "--urls", $"http://127.0.0.1:{FreePort.Next()}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        TestPrivacyKeys.ApplyTo(info);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken) + await errors;
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output);
    }
}
