using System.Net.Http.Json;

namespace Lotte.IntegrationTests.Api;

/// <summary>Calls the assignment endpoint in batches of up to 1,000 units; returns each unit's arm.</summary>
internal static class AssignmentClient
{
    public static async Task<Dictionary<string, string>> AssignAsync(HttpClient client, string experimentKey, IReadOnlyList<string> unitIds)
    {
        var arms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in unitIds.Chunk(1_000))
        {
            using var response = await client.PostAsJsonAsync($"api/v1/experiments/{experimentKey}/assignments", new { unitIds = chunk });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<Response>();
            foreach (var assigned in body!.Assignments)
            {
                arms[assigned.UnitId] = assigned.Arm;
            }
        }

        return arms;
    }

    public static string[] Units(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D6}").ToArray();

    private sealed record Response(string Experiment, List<Assigned> Assignments);

    private sealed record Assigned(string UnitId, string Arm, string ModelName, string ModelVersion, string Stage);
}
