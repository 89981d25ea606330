using System.Text.Json;

namespace Lotte.Dashboard.Endpoints;

/// <summary>Reads a request body as a JSON document, turning every way it can be wrong into a 4xx problem.</summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadAsync(HttpRequest request, long limit,
        CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.UnsupportedMediaType());
        }

        if (request.ContentLength > limit)
        {
            // The server drops the connection rather than read an unread body past its limit: say so, or the
            // client sends its next request on a connection about to close, and that request fails.
            request.HttpContext.Response.Headers.Connection = "close";
            return (null, ApiProblems.TooLarge(limit));
        }

        try
        {
            return (await JsonDocument.ParseAsync(request.Body, Options, cancellationToken), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.BadRequest("The body is not valid JSON",
                $"Parsing stopped at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}."));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, ApiProblems.TooLarge(limit));
        }
    }
}
