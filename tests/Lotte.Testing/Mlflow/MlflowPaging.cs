using System.Text;
using System.Text.Json.Nodes;

namespace Lotte.Testing.Mlflow;

/// <summary>
/// Ordering and paging of searches: <c>order_by</c> clauses ("version_number DESC"), then MLflow's tie-breakers; pages
/// of <c>max_results</c> with an opaque <c>next_page_token</c>, base64 of <c>{"offset": n}</c>, only when more follow.
/// </summary>
internal static class MlflowPaging
{
    public static IEnumerable<T> Order<T>(IEnumerable<T> items, List<string> orderBy,
        Func<T, string> name, Func<T, long> created, Func<T, long> updated, Func<T, int>? version)
    {
        IOrderedEnumerable<T>? ordered = null;
        foreach (var clause in orderBy.Append("name ASC").Append("version_number DESC"))
        {
            var parts = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = parts.Length > 1 && parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase);
            Func<T, IComparable> key = parts[0] switch
            {
                "name" => x => name(x),
                "creation_timestamp" => x => created(x),
                "last_updated_timestamp" => x => updated(x),
                "version_number" when version is not null => x => version(x),
                "version_number" => _ => 0,
                _ => throw MlflowFault.Invalid($"Invalid order by key '{parts[0]}' specified."),
            };
            ordered = ordered is null
                ? (descending ? items.OrderByDescending(key) : items.OrderBy(key))
                : (descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key));
        }
        return ordered ?? items;
    }

    public static JsonObject Page(IEnumerable<JsonNode> items, string field, long max, string? pageToken)
    {
        var offset = Offset(pageToken);
        var page = items.Skip(offset).Take((int)max + 1).ToList();
        var answer = new JsonObject();
        if (page.Count > 0)
        {
            answer[field] = new JsonArray([.. page.Take((int)max)]);
        }
        if (page.Count > max)
        {
            answer["next_page_token"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\": {offset + max}}}"));
        }
        return answer;
    }

    private static int Offset(string? pageToken)
    {
        if (string.IsNullOrEmpty(pageToken))
        {
            return 0;
        }
        try
        {
            var json = JsonNode.Parse(Convert.FromBase64String(pageToken));
            return json?["offset"]?.GetValue<int>() ?? throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw MlflowFault.Invalid($"Invalid page token, could not base64-decode or parse: {pageToken}");
        }
    }
}
