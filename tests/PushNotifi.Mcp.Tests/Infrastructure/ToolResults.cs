using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace PushNotifi.Mcp.Tests;

/// <summary>Reads a tool result's text JSON and structured content.</summary>
internal static class ToolResults
{
    internal static string Text(this CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));

    internal static JsonObject Json(this CallToolResult result) => JsonNode.Parse(result.Text())!.AsObject();

    /// <summary>The result of a call that must have succeeded; its structured content must equal its text.</summary>
    internal static JsonObject Ok(this CallToolResult result)
    {
        Assert.True(result.IsError is not true, "Expected success, got " + result.Text());
        var text = result.Json();
        Assert.NotNull(result.StructuredContent);
        Assert.True(JsonNode.DeepEquals(text, JsonNode.Parse(result.StructuredContent.Value.GetRawText())), "Structured content differs from the text.");
        return text;
    }

    /// <summary>The <c>{ code, message, details }</c> of a call that must have failed with <paramref name="code"/>.</summary>
    internal static JsonObject Error(this CallToolResult result, string code)
    {
        Assert.True(result.IsError is true, "Expected an error, got " + result.Text());
        var error = result.Json();
        Assert.Equal(["code", "message", "details"], error.Select(p => p.Key));
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        return error;
    }
}
