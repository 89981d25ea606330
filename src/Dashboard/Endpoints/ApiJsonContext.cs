using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lotte.Dashboard.Endpoints;

/// <summary>
/// Source-generated JSON for the service API's hot answers: written without reflection-built metadata, with the
/// same web defaults (camelCase) as the rest of the app.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AssignmentResponse))]
[JsonSerializable(typeof(EventBatchResponse))]
[JsonSerializable(typeof(ExperimentConfigDocument))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
