using System.Text.Json.Serialization;

namespace PushNotifi.Approvals;

/// <summary>The audit record and the stored record, through generated code (no reflection), snake_case with enums as text.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(PushNotifiApprovalDecision))]
[JsonSerializable(typeof(ApprovalRecord))]
internal sealed partial class ApprovalJsonContext : JsonSerializerContext
{
}
