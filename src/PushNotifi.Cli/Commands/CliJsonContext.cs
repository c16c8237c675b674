using System.Text.Json.Serialization;

namespace PushNotifi.Cli.Commands;

/// <summary>Source-generated JSON for what the CLI prints: one line per result (pipe it to jq to indent), no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(AskJsonResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
