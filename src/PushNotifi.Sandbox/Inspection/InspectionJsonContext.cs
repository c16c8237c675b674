using System.Text.Json;
using System.Text.Json.Serialization;

using PushNotifi.Sandbox.Web;

namespace PushNotifi.Sandbox.Inspection;

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
[JsonSerializable(typeof(TeamView))]
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
