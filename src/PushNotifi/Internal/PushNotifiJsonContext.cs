using System.Text.Json;
using System.Text.Json.Serialization;

namespace PushNotifi.Internal;

/// <summary>All JSON goes through this generated context, so the library works with reflection-based serialization off (AOT, file-based apps).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(PushNotifiMessage))]
[JsonSerializable(typeof(SendResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ApplicationsResponse))]
[JsonSerializable(typeof(ApplicationResponse))]
[JsonSerializable(typeof(PushNotifiGroup[]))]
[JsonSerializable(typeof(PushNotifiSentMessage[]))]
[JsonSerializable(typeof(AckStatusResponse))]
[JsonSerializable(typeof(WebhookRequest))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class PushNotifiJsonContext : JsonSerializerContext
{
}
