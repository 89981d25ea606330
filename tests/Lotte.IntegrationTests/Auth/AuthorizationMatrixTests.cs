using System.Net;
using System.Text;
using Lotte.Core.Decisions;
using Lotte.Core.Experiments;
using Lotte.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lotte.IntegrationTests.Auth;

/// <summary>
/// Every page and HTTP action × every role (and anonymous): allowed, or refused with 401/403 and nothing
/// changed. Requests are sent as a script would (no browser), so a hidden button is no protection here.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private static readonly string[] Roles = ["anonymous", "viewer", "engineer", "ml-lead", "product-lead", "admin"];
    private TestDatabase _database = null!;
    private DashboardProcess _app = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = await DashboardProcess.StartAsync(_database.ConnectionString, new Dictionary<string, string> { ["Demo:Enabled"] = "true", ["Demo:Traffic"] = "false" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    public static TheoryData<string, string, string, string> Cells()
    {
        // method, path, role → expected (the allowed roles for each row; everyone else 403, anonymous 401)
        var data = new TheoryData<string, string, string, string>();
        var rows = new (string Method, string Path, string[] Allowed)[]
        {
            ("GET", "experiments", ["viewer", "engineer", "ml-lead", "product-lead", "admin"]),
            ("GET", "experiments/undervaluation-v4", ["viewer", "engineer", "ml-lead", "product-lead", "admin"]),
            ("GET", "models", ["viewer", "engineer", "ml-lead", "product-lead", "admin"]),
            ("GET", "audit", ["viewer", "engineer", "ml-lead", "product-lead", "admin"]),
            ("GET", "experiments/new", ["engineer", "ml-lead", "product-lead"]),
            ("GET", "admin/api-keys", ["admin"]),
            ("GET", "admin/webhooks", ["admin"]),
            ("GET", "audit/export.csv", ["admin"]),
            ("POST", "experiments/{awaiting}/actions/approve", ["ml-lead", "product-lead"]),
            ("POST", "experiments/{running}/actions/forcerollback", ["ml-lead", "product-lead"]),
            ("POST", "experiments/{running}/actions/pause", ["ml-lead", "product-lead"]),
        };
        foreach (var (method, path, allowed) in rows)
        {
            foreach (var role in Roles)
            {
                data.Add(method, path, role, role == "anonymous" ? "401" : allowed.Contains(role) ? "allowed" : "403");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Request_ByRole_IsAllowedOrRefusedWithNothingChanged(string method, string path, string role, string expected)
    {
        var key = await PrepareAsync(path);
        var target = path.Replace("{awaiting}", key).Replace("{running}", key);
        using var client = role == "anonymous"
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress }
            : await DevSignIn.ClientAsync(_app.BaseAddress, role);
        var before = await StatusAsync(key);

        using var response = await SendAsync(client, method, target);

        var code = (int)response.StatusCode;
        TestContext.Current.TestOutputHelper?.WriteLine($"{method} /{path} as {role}: {code}");
        switch (expected)
        {
            case "allowed":
                Assert.True(code is >= 200 and < 300, $"{role} should be allowed {method} /{path}, got {code}");
                break;
            default:
                Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), code);
                Assert.Equal(before, await StatusAsync(key));
                await AssertNoLeadActionAsync(key);
                break;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        if (method == "GET")
        {
            return await client.GetAsync(new Uri(path, UriKind.Relative));
        }

        // A forged request carries a valid antiforgery token of its own session: only authorization can stop it.
        var token = client.DefaultRequestHeaders.Contains("Cookie") ? await DevSignIn.AntiforgeryTokenAsync(client, "account/dev-login") : "";
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["comment"] = "Checked by the authorization matrix.", ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>A fresh experiment for each action cell, awaiting approval (or running), so every allowed action can apply.</summary>
    private async Task<string> PrepareAsync(string path)
    {
        if (!path.Contains('{', StringComparison.Ordinal))
        {
            return "undervaluation-v4";
        }

        var key = $"matrix-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        var experiment = new Experiment(key, key, "undervaluation-score", "3", "4", "tests", now);
        experiment.Start(now);
        if (path.Contains("{awaiting}", StringComparison.Ordinal))
        {
            experiment.AwaitApproval(now);
        }

        await using var db = _database.CreateContext();
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return key;
    }

    private async Task<ExperimentStatus> StatusAsync(string key)
    {
        await using var db = _database.CreateContext();
        return await db.Experiments.Where(e => e.Key == key).Select(e => e.Status).SingleAsync();
    }

    private async Task AssertNoLeadActionAsync(string key)
    {
        await using var db = _database.CreateContext();
        var id = await db.Experiments.Where(e => e.Key == key).Select(e => e.Id).SingleAsync();
        Assert.False(await db.LeadActions.AnyAsync(a => a.ExperimentId == id && a.Kind != LeadActionKind.Approve || a.ExperimentId == id));
    }
}
