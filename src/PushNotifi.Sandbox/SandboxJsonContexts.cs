using System.Text.Json;
using System.Text.Json.Serialization;

namespace PushNotifi.Sandbox;

/// <summary>Source-generated JSON for the /api/v1 wire contract (snake_case, unset fields omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessageAccepted))]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(ApplicationsResponse))]
[JsonSerializable(typeof(ApplicationResponse))]
[JsonSerializable(typeof(IReadOnlyList<GroupInfo>))]
[JsonSerializable(typeof(IReadOnlyList<SentMessageInfo>))]
[JsonSerializable(typeof(AlertStatus))]
[JsonSerializable(typeof(AckAnswer))]
[JsonSerializable(typeof(ApiKeyIssued))]
[JsonSerializable(typeof(ApiKeyList))]
[JsonSerializable(typeof(ApiKeyRevoked))]
internal sealed partial class WireJsonContext : JsonSerializerContext;

/// <summary>Source-generated JSON for the /sandbox inspection API (camelCase).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(FaultsResponse))]
[JsonSerializable(typeof(InspectionError))]
[JsonSerializable(typeof(InspectionAckRequest))]
[JsonSerializable(typeof(InspectionAckAnswer))]
[JsonSerializable(typeof(CapturedNotification))]
[JsonSerializable(typeof(RequestView))]
[JsonSerializable(typeof(RequestRow))]
[JsonSerializable(typeof(IReadOnlyList<CapturedNotification>))]
[JsonSerializable(typeof(IReadOnlyList<RequestView>))]
[JsonSerializable(typeof(IReadOnlyList<KeyListing>))]
internal sealed partial class InspectionJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Like the default instance but leaves "…", "&lt;" and quotes readable for
    /// people using curl; HTML output encodes separately.
    /// </summary>
    public static InspectionJsonContext Readable { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// <see cref="Readable"/> on one line, for event-stream frames: every open stream gets each frame, so its size is
    /// paid once per stream, and only the page's script reads it.
    /// </summary>
    public static InspectionJsonContext Compact { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>Source-generated JSON for a notification in the data file (compact; the account is a column of its own).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CapturedNotification))]
internal sealed partial class StoreJsonContext : JsonSerializerContext
{
    /// <summary>Leaves "…" and quotes readable for people who open the file; nothing reads it as HTML.</summary>
    public static StoreJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
