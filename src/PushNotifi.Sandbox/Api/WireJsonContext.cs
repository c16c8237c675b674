using System.Text.Json.Serialization;

namespace PushNotifi.Sandbox.Api;

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
