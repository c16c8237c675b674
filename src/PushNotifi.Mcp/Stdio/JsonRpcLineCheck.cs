using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace PushNotifi.Mcp.Stdio;

/// <summary>
/// Decides whether one stdin line goes to the SDK or is answered here. The SDK drops a line it cannot read without a
/// word; JSON-RPC wants <c>-32700</c> for text that is not JSON and <c>-32600</c> for JSON that is not a valid message.
/// The common mistakes get a message of their own; anything else the SDK's own reader refuses gets its reason.
/// </summary>
internal static class JsonRpcLineCheck
{
    private static readonly JsonSerializerOptions s_sdkOptions = McpJsonUtilities.DefaultOptions;

    // Read as leniently as the SDK reads, so no line it accepts is refused here.
    private static readonly JsonReaderOptions s_readerOptions = new()
    {
        AllowTrailingCommas = s_sdkOptions.AllowTrailingCommas,
        CommentHandling = s_sdkOptions.ReadCommentHandling,
        MaxDepth = s_sdkOptions.MaxDepth == 0 ? 64 : s_sdkOptions.MaxDepth,
    };

    private static readonly JsonTypeInfo s_message = s_sdkOptions.GetTypeInfo(typeof(JsonRpcMessage));

    /// <summary>Null when the SDK can read <paramref name="line"/> as a JSON-RPC message; otherwise the error to answer.</summary>
    internal static ProtocolError? Check(ReadOnlySequence<byte> line)
    {
        TopLevel top;
        try
        {
            top = TopLevel.Read(line);
        }
        catch (JsonException exception)
        {
            return new ProtocolError(ProtocolError.ParseError, $"Parse error: the line is not JSON ({exception.Message.TrimEnd('.')}). Send one JSON-RPC object per line.");
        }

        if (top.Problem() is { } problem)
        {
            return new ProtocolError(ProtocolError.InvalidRequest, "Invalid Request: " + problem, top.Id);
        }

        // What the checks above do not cover (a member name that is not text, an "error" that is not an object…) the
        // SDK's own reader decides, so no line it would drop goes unanswered.
        try
        {
            var reader = ReaderOf(line);
            if (JsonSerializer.Deserialize(ref reader, s_message) is JsonRpcMessage)
            {
                return null;
            }
        }
        catch (JsonException exception)
        {
            return new ProtocolError(ProtocolError.InvalidRequest, $"Invalid Request: the message could not be read ({exception.Message.TrimEnd('.')}).", top.Id);
        }

        return new ProtocolError(ProtocolError.InvalidRequest, "Invalid Request: a JSON-RPC message is an object, not null.");
    }

    // Nearly every line is one segment: the span reader is the one the SDK's own reading has compiled already.
    private static Utf8JsonReader ReaderOf(ReadOnlySequence<byte> line) =>
        line.IsSingleSegment ? new Utf8JsonReader(line.FirstSpan, s_readerOptions) : new Utf8JsonReader(line, s_readerOptions);

    /// <summary>What a line's top level says about itself: enough to name the mistake and to echo a readable id.</summary>
    private struct TopLevel
    {
        private JsonTokenType _kind;
        private bool _isVersion2;
        private bool _hasId;
        private bool _idIsValid;
        private bool _hasMethod;
        private bool _methodIsString;
        private bool _hasResultOrError;

        internal RequestId? Id { get; private set; }

        /// <exception cref="JsonException">The line is not one well-formed JSON value.</exception>
        internal static TopLevel Read(ReadOnlySequence<byte> line)
        {
            var top = default(TopLevel);
            var reader = ReaderOf(line);
            reader.Read();
            top._kind = reader.TokenType;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    top.ReadMember(ref reader);
                }
            }
            else
            {
                reader.Skip();
            }

            // Anything after the first value (a second object on the same line) is a syntax error here.
            while (reader.Read())
            {
            }

            return top;
        }

        internal readonly string? Problem() => _kind switch
        {
            JsonTokenType.StartArray => "a batch (a JSON array) is not supported; send one JSON-RPC object per line.",
            JsonTokenType.Null => "a JSON-RPC message is an object, not null.",
            not JsonTokenType.StartObject => "a JSON-RPC message is an object, not a bare value.",
            _ when !_isVersion2 => "\"jsonrpc\" must be \"2.0\".",
            _ when _hasId && !_idIsValid => "\"id\" must be a string, an integer or null.",
            _ when _hasMethod && !_methodIsString => "\"method\" must be a string.",
            _ when !_hasMethod && !(_hasId && _hasResultOrError) => "a message needs \"method\" (a request or a notification), or \"id\" with \"result\" or \"error\" (a response).",
            _ => null,
        };

        private void ReadMember(ref Utf8JsonReader reader)
        {
            if (TextIs(ref reader, "jsonrpc"u8))
            {
                reader.Read();
                _isVersion2 = reader.TokenType == JsonTokenType.String && TextIs(ref reader, "2.0"u8);
            }
            else if (TextIs(ref reader, "id"u8))
            {
                reader.Read();
                _hasId = true;
                (_idIsValid, Id) = ReadId(ref reader);
            }
            else if (TextIs(ref reader, "method"u8))
            {
                reader.Read();
                _hasMethod = reader.TokenType != JsonTokenType.Null;
                _methodIsString = reader.TokenType == JsonTokenType.String;
            }
            else if (TextIs(ref reader, "result"u8) || TextIs(ref reader, "error"u8))
            {
                reader.Read();
                _hasResultOrError = true;
            }
            else
            {
                reader.Read();
            }

            reader.Skip();
        }

        // A name or value that is not text (an escaped lone surrogate) matches nothing; the SDK's reader refuses it later.
        private static bool TextIs(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
        {
            try
            {
                return reader.ValueTextEquals(name);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        private static (bool Valid, RequestId? Id) ReadId(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    return (true, null);
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out var number) ? (true, new RequestId(number)) : (false, null);
                case JsonTokenType.String:
                    try
                    {
                        return (true, new RequestId(reader.GetString()!));
                    }
                    catch (InvalidOperationException)
                    {
                        // Not valid text (a lone surrogate): it cannot be echoed.
                        return (false, null);
                    }

                default:
                    return (false, null);
            }
        }
    }
}
