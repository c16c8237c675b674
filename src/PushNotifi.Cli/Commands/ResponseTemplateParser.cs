using System.CommandLine.Parsing;

namespace PushNotifi.Cli.Commands;

/// <summary>Parses <c>--template</c>: a wire name such as <c>approve_deny</c> (or the enum name, <c>ApproveDeny</c>).</summary>
internal static class ResponseTemplateParser
{
    /// <summary>The wire names, for help and error texts.</summary>
    public static string Choices { get; } = string.Join(", ", PushNotifiResponseTemplates.WireNames);

    /// <summary>The <c>CustomParser</c> for the option.</summary>
    public static PushNotifiResponseTemplate? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (PushNotifiResponseTemplates.TryParse(text, out var template))
        {
            return template;
        }

        result.AddError($"--template must be one of {Choices} (got '{text}').");
        return null;
    }
}
