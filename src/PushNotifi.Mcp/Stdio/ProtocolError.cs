using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace PushNotifi.Mcp.Stdio;

/// <summary>A JSON-RPC error the line filter answers itself, for a line the SDK would otherwise drop without a word.</summary>
/// <param name="Code"><see cref="ParseError"/> or <see cref="InvalidRequest"/>.</param>
/// <param name="Message">One sentence that says what was wrong and what to send instead.</param>
/// <param name="Id">The request's id when it could be read; otherwise null, as JSON-RPC asks.</param>
internal sealed record ProtocolError(int Code, string Message, RequestId? Id = null)
{
    // Messages are read by people and agents: keep quotes and non-ASCII readable rather than \u-escaped.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON-RPC's code for text that is not JSON.</summary>
    internal const int ParseError = -32700;

    /// <summary>JSON-RPC's code for JSON that is not a valid request (a batch, a bad <c>id</c>, no <c>jsonrpc: "2.0"</c>, a line too long).</summary>
    internal const int InvalidRequest = -32600;

    /// <summary>The error response as one line, newline included.</summary>
    internal byte[] ToLine()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "2.0"u8);
            writer.WritePropertyName("id"u8);
            switch (Id?.Id)
            {
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case long number:
                    writer.WriteNumberValue(number);
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }

            writer.WriteStartObject("error"u8);
            writer.WriteNumber("code"u8, Code);
            writer.WriteString("message"u8, Message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
