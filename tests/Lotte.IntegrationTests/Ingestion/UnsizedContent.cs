using System.Net;

namespace Lotte.IntegrationTests.Ingestion;

/// <summary>A body without a known length: sent chunked, so only the server's reading of it can enforce a size limit.</summary>
internal sealed class UnsizedContent(byte[] body) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
