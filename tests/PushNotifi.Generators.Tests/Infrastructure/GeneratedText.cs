namespace PushNotifi.Generators.Tests.Infrastructure;

/// <summary>Reads facts out of a generated file's text.</summary>
internal static class GeneratedText
{
    /// <summary>The file's first <c>#nullable</c> line, which sets the context for everything under it.</summary>
    public static string NullableDirective(string generated) =>
        generated.ReplaceLineEndings("\n").Split('\n').First(line => line.StartsWith("#nullable", StringComparison.Ordinal));
}
