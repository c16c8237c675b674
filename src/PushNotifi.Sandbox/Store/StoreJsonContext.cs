using System.Text.Json;
using System.Text.Json.Serialization;

namespace PushNotifi.Sandbox.Store;

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
